<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>KeyCapture</name>
    <message>
        <source>&apos;{key}&apos; is not a key Poise can listen for</source>
        <translation>„{key}“ ist keine Taste, auf die Poise hören kann</translation>
    </message>
</context>
<context>
    <name>KeyCaptureButton</name>
    <message>
        <source>Set…</source>
        <translation>Festlegen…</translation>
    </message>
    <message>
        <source>Press a key…</source>
        <translation>Taste drücken…</translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Applies from Poise&apos;s next start.</source>
        <translation>Gilt ab dem nächsten Start von Poise.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>These keys work from any window, so during a video call you never need to click Poise: the call app keeps the focus. To use a presenter clicker, choose Set… and press the clicker&apos;s button once.</source>
        <translation>Diese Tasten wirken aus jedem Fenster, so müssen Sie in einer Videokonferenz nie auf Poise klicken: Die Konferenz-App behält den Fokus. Für einen Presenter wählen Sie „Festlegen…“ und drücken einmal seine Taste.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Keep the live window above other windows</source>
        <translation>Das Live-Fenster über anderen Fenstern halten</translation>
    </message>
    <message>
        <source>Larger step text, to read at arm&apos;s length</source>
        <translation>Größere Schrift für den Schritt, lesbar auf Armlänge</translation>
    </message>
    <message>
        <source>Show the client&apos;s name in the live window&apos;s title (taskbar, shared screens)</source>
        <translation>Den Kundennamen im Titel des Live-Fensters zeigen (Taskleiste, Freigaben)</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds after a number</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Play the system sound with a cue (off: the client hears nothing)</source>
        <translation>Zu einem Signal den Systemton spielen (aus: der Kunde hört nichts)</translation>
    </message>
    <message>
        <source>After a partner&apos;s cue, draw a silent countdown of</source>
        <translation>Nach dem Signal des Partners einen stillen Countdown zeigen von</translation>
    </message>
    <message>
        <source>Hide the live window from screen sharing and recording</source>
        <translation>Das Live-Fenster vor Bildschirmfreigabe und Aufnahme verbergen</translation>
    </message>
    <message>
        <source>Drawn, never heard: a ring that empties, and the seconds</source>
        <translation>Gezeichnet, nie zu hören: ein Ring, der sich leert, und die Sekunden</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Aussehen</translation>
    </message>
    <message>
        <source>Cue fades after</source>
        <translation>Signal verblasst nach</translation>
    </message>
    <message>
        <source>Listen for these keys system-wide</source>
        <translation>Systemweit auf diese Tasten hören</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Standard wiederherstellen</translation>
    </message>
    <message>
        <source>Press the keys or the clicker button for “{action}” · Esc cancels</source>
        <translation>Drücken Sie die Tasten oder die Presenter-Taste für „{action}“ · Esc bricht ab</translation>
    </message>
    <message>
        <source>Also write every ended meeting as Markdown into a folder</source>
        <translation>Jede beendete Besprechung auch als Markdown in einen Ordner schreiben</translation>
    </message>
    <message>
        <source>One file per meeting, with the client, date and follow-up at the top, for notes apps that read plain files (Obsidian and the like). Poise rewrites only files it wrote; a file you changed is left alone.</source>
        <translation>Eine Datei je Besprechung, oben mit Kunde, Datum und Wiedervorlage, für Notiz-Apps, die einfache Dateien lesen (etwa Obsidian). Poise überschreibt nur Dateien, die es selbst geschrieben hat; eine von Ihnen geänderte Datei bleibt unberührt.</translation>
    </message>
    <message>
        <source>Off: no folder chosen</source>
        <translation>Aus: kein Ordner gewählt</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Ordner wählen…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Stop writing Markdown files (files already written stay)</source>
        <translation>Keine Markdown-Dateien mehr schreiben (geschriebene Dateien bleiben)</translation>
    </message>
    <message>
        <source>Remind me on the desktop, once a day, of follow-ups and action items due</source>
        <translation>Einmal am Tag auf dem Desktop an fällige Wiedervorlagen und Aufgaben erinnern</translation>
    </message>
    <message>
        <source>Folder for the Markdown files</source>
        <translation>Ordner für die Markdown-Dateien</translation>
    </message>
</context>
<context>
    <name>ShortcutRow</name>
    <message>
        <source>Press the keys (or the clicker button) for “{action}”</source>
        <translation>Drücken Sie die Tasten (oder die Presenter-Taste) für „{action}“</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>No system-wide key for “{action}”</source>
        <translation>Keine systemweite Taste für „{action}“</translation>
    </message>
</context>
<context>
    <name>ShortcutsStatus</name>
    <message>
        <source>System-wide shortcuts start with Poise; restart Poise to use new keys.</source>
        <translation>Systemweite Tastenkürzel starten mit Poise; starten Sie Poise neu, um neue Tasten zu nutzen.</translation>
    </message>
</context>
<context>
    <name>XWaylandSection</name>
    <message>
        <source>{setting} is set where Poise starts, so that is used instead of this choice.</source>
        <translation>{setting} ist dort gesetzt, wo Poise startet; das gilt statt dieser Wahl.</translation>
    </message>
    <message>
        <source>Poise runs through XWayland now.</source>
        <translation>Poise läuft jetzt über XWayland.</translation>
    </message>
    <message>
        <source>Poise runs natively on Wayland now: this session has no XWayland to run in.</source>
        <translation>Poise läuft jetzt direkt unter Wayland: Diese Sitzung hat kein XWayland.</translation>
    </message>
    <message>
        <source>Poise runs natively on Wayland now.</source>
        <translation>Poise läuft jetzt direkt unter Wayland.</translation>
    </message>
    <message>
        <source>Run through XWayland (X11) at the next start</source>
        <translation>Beim nächsten Start über XWayland (X11) laufen</translation>
    </message>
    <message>
        <source>Stay on top and docking work there; text may look less sharp on a scaled screen. System-wide keys still go through the desktop&apos;s portal if it offers one.</source>
        <translation>Dort funktionieren „Im Vordergrund“ und Andocken; auf einem skalierten Bildschirm kann Text weniger scharf wirken. Systemweite Tasten laufen weiter über das Portal des Desktops, wenn es eines anbietet.</translation>
    </message>
</context>
</TS>
