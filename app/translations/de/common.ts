<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AppController</name>
    <message>
        <source>Some notes are not in your database yet</source>
        <translation>Einige Notizen sind noch nicht in Ihrer Datenbank</translation>
    </message>
    <message>
        <source>Some notes are not in your notes database yet. If you quit now they are kept here, and nothing typed is lost:

{places}

Quit anyway?</source>
        <translation>Einige Notizen sind noch nicht in Ihrer Notizdatenbank. Wenn Sie jetzt beenden, bleiben sie hier erhalten, und nichts Getipptes geht verloren:

{places}

Trotzdem beenden?</translation>
    </message>
    <message>
        <source>another program holds them</source>
        <translation>ein anderes Programm belegt sie</translation>
    </message>
    <message>
        <source>Could not write the meeting&apos;s Markdown file in {folder}: {error}</source>
        <translation>Die Markdown-Datei der Besprechung ließ sich nicht in {folder} schreiben: {error}</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Poise cannot open your meetings</source>
        <translation>Poise kann Ihre Besprechungen nicht öffnen</translation>
    </message>
</context>
<context>
    <name>CaptureGuard</name>
    <message>
        <source>This system cannot hide a window from screen sharing: on Linux (X11 or Wayland) any shared screen shows Poise. When you share, share one application window, not the whole screen, or move Poise to a screen you do not share.</source>
        <translation>Dieses System kann kein Fenster vor der Bildschirmfreigabe verbergen: Unter Linux (X11 oder Wayland) zeigt jeder geteilte Bildschirm auch Poise. Teilen Sie daher nur ein Anwendungsfenster statt des ganzen Bildschirms, oder legen Sie Poise auf einen Bildschirm, den Sie nicht teilen.</translation>
    </message>
    <message>
        <source>Poise asks Windows to leave the live window out of screen sharing and recordings (Windows 10 version 2004 or later).</source>
        <translation>Poise bittet Windows, das Live-Fenster aus Bildschirmfreigaben und Aufnahmen herauszulassen (ab Windows 10 Version 2004).</translation>
    </message>
    <message>
        <source>Poise asks macOS to leave the live window out of screenshots and most screen sharing; some newer sharing apps may still show it, so check once before a call.</source>
        <translation>Poise bittet macOS, das Live-Fenster aus Bildschirmfotos und den meisten Freigaben herauszulassen; manche neueren Apps zeigen es trotzdem, prüfen Sie es also einmal vor einem Gespräch.</translation>
    </message>
    <message>
        <source>Windows refused to hide the window: {error}</source>
        <translation>Windows hat das Verbergen des Fensters abgelehnt: {error}</translation>
    </message>
    <message>
        <source>macOS did not accept the request: {error}</source>
        <translation>macOS hat die Anfrage nicht angenommen: {error}</translation>
    </message>
    <message>
        <source>Windows refused to hide the window from capture (error {code}); this needs Windows 10 version 2004 or later.</source>
        <translation>Windows hat das Verbergen des Fensters vor Aufnahmen abgelehnt (Fehler {code}); dafür ist Windows 10 Version 2004 oder neuer nötig.</translation>
    </message>
    <message>
        <source>The live window is hidden from screen sharing.</source>
        <translation>Das Live-Fenster ist vor der Bildschirmfreigabe verborgen.</translation>
    </message>
    <message>
        <source>The live window is visible in screen sharing.</source>
        <translation>Das Live-Fenster ist in der Bildschirmfreigabe sichtbar.</translation>
    </message>
    <message>
        <source>The window is not on screen yet.</source>
        <translation>Das Fenster ist noch nicht auf dem Bildschirm.</translation>
    </message>
    <message>
        <source>The live window is hidden from screen captures.</source>
        <translation>Das Live-Fenster ist vor Bildschirmaufnahmen verborgen.</translation>
    </message>
    <message>
        <source>The live window is visible in screen captures.</source>
        <translation>Das Live-Fenster ist in Bildschirmaufnahmen sichtbar.</translation>
    </message>
</context>
<context>
    <name>CrashWords</name>
    <message>
        <source>No notes are waiting to be saved.</source>
        <translation>Es warten keine Notizen darauf, gespeichert zu werden.</translation>
    </message>
    <message>
        <source>Your notes are saved.</source>
        <translation>Ihre Notizen sind gespeichert.</translation>
    </message>
    <message>
        <source>Your notes are kept in {file} and will be saved when possible.</source>
        <translation>Ihre Notizen liegen in {file} und werden gespeichert, sobald es geht.</translation>
    </message>
    <message>
        <source>Some of your notes could not be written to disk yet: keep Poise open while it tries again.</source>
        <translation>Einige Ihrer Notizen ließen sich noch nicht auf die Festplatte schreiben: Lassen Sie Poise offen, während es es erneut versucht.</translation>
    </message>
    <message>
        <source>Something went wrong inside Poise. {notes}</source>
        <translation>In Poise ist etwas schiefgegangen. {notes}</translation>
    </message>
    <message>
        <source>Details: {file}</source>
        <translation>Details: {file}</translation>
    </message>
    <message>
        <source>Poise hit a problem</source>
        <translation>Poise hatte ein Problem</translation>
    </message>
</context>
<context>
    <name>GlobalShortcuts</name>
    <message>
        <source>{action}: no key yet; your desktop&apos;s settings can give it one</source>
        <translation>{action}: noch keine Taste; die Einstellungen Ihres Desktops können eine vergeben</translation>
    </message>
    <message>
        <source>{action}: {keys}, as your desktop set it</source>
        <translation>{action}: {keys}, wie Ihr Desktop es festgelegt hat</translation>
    </message>
    <message>
        <source>Another program already uses {keys}; choose other keys for them.</source>
        <translation>Ein anderes Programm nutzt bereits {keys}; wählen Sie dafür andere Tasten.</translation>
    </message>
</context>
<context>
    <name>JournalWords</name>
    <message>
        <source>Its notes are kept in this window only; keep it open.</source>
        <translation>Ihre Notizen sind nur in diesem Fenster; lassen Sie es offen.</translation>
    </message>
    <message>
        <source>Poise cannot write its notes to disk either, so they are in this window only: keep it open.</source>
        <translation>Poise kann die Notizen auch nicht auf die Festplatte schreiben, sie sind also nur in diesem Fenster: Lassen Sie es offen.</translation>
    </message>
    <message>
        <source>Its notes are kept on disk, in {file}.</source>
        <translation>Ihre Notizen liegen auf der Festplatte, in {file}.</translation>
    </message>
    <message>
        <source>Some of your notes could not be written to disk: keep the meeting window open until your notes database opens.</source>
        <translation>Einige Ihrer Notizen ließen sich nicht auf die Festplatte schreiben: Lassen Sie das Besprechungsfenster offen, bis Ihre Notizdatenbank sich öffnet.</translation>
    </message>
    <message>
        <source>Your notes are kept in {files} and saved when your notes database opens.</source>
        <translation>Ihre Notizen liegen in {files} und werden gespeichert, sobald sich Ihre Notizdatenbank öffnet.</translation>
    </message>
</context>
<context>
    <name>MeetingExport</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Kalender (*.ics)</translation>
    </message>
    <message>
        <source>No follow-up or open due date to put in a calendar</source>
        <translation>Keine Wiedervorlage und kein offenes Fälligkeitsdatum für einen Kalender</translation>
    </message>
    <message>
        <source>Not saved: could not write {file} ({why})</source>
        <translation>Nicht gespeichert: {file} ließ sich nicht schreiben ({why})</translation>
    </message>
    <message>
        <source>Not saved: {file} is not there after writing it</source>
        <translation>Nicht gespeichert: {file} ist nach dem Schreiben nicht vorhanden</translation>
    </message>
    <message>
        <source>Saved {name} in {folder}</source>
        <translation>{name} in {folder} gespeichert</translation>
    </message>
</context>
<context>
    <name>StoreProblem</name>
    <message>
        <source>another program is using it</source>
        <translation>ein anderes Programm verwendet sie</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>die Festplatte ist voll</translation>
    </message>
    <message>
        <source>it cannot be written to</source>
        <translation>sie lässt sich nicht beschreiben</translation>
    </message>
    <message>
        <source>it cannot be reached</source>
        <translation>sie ist nicht erreichbar</translation>
    </message>
    <message>
        <source>the file is damaged or not a Poise database</source>
        <translation>die Datei ist beschädigt oder keine Poise-Datenbank</translation>
    </message>
    <message>
        <source>it is from a newer Poise</source>
        <translation>sie stammt von einer neueren Poise-Version</translation>
    </message>
    <message>
        <source>something unexpected went wrong</source>
        <translation>etwas Unerwartetes ist schiefgegangen</translation>
    </message>
    <message>
        <source>Your notes database is not open: {why}. Meetings still run; nothing is lost.</source>
        <translation>Ihre Notizdatenbank ist nicht geöffnet: {why}. Besprechungen laufen trotzdem; nichts geht verloren.</translation>
    </message>
    <message>
        <source>An unexpected problem stopped Poise from opening its database: {error}</source>
        <translation>Ein unerwartetes Problem hat Poise am Öffnen seiner Datenbank gehindert: {error}</translation>
    </message>
</context>
</TS>
