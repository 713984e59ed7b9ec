<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>MailHandoff</name>
    <message>
        <source>no mail program answered</source>
        <translation>kein E-Mail-Programm hat geantwortet</translation>
    </message>
    <message>
        <source>no mail program is set up on this computer</source>
        <translation>auf diesem Computer ist kein E-Mail-Programm eingerichtet</translation>
    </message>
    <message>
        <source>the system&apos;s opener (xdg-open) failed with code {code}</source>
        <translation>der Öffner des Systems (xdg-open) ist mit Code {code} gescheitert</translation>
    </message>
    <message>
        <source>the system&apos;s opener (xdg-open) could not be started</source>
        <translation>der Öffner des Systems (xdg-open) ließ sich nicht starten</translation>
    </message>
</context>
<context>
    <name>RecapDialog</name>
    <message>
        <source>Recap to send</source>
        <translation>Nachbericht zum Senden</translation>
    </message>
    <message>
        <source>Their e-mail address (you can add it in your mail program)</source>
        <translation>Die E-Mail-Adresse des Kunden (Sie können sie auch im E-Mail-Programm eintragen)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Read it through and change anything, in your own words. Your own guesses (the real concern, what they are not saying) are left out. Poise sends nothing: it goes from your mail program.</source>
        <translation>Lesen Sie sie durch und ändern Sie alles in Ihren eigenen Worten. Ihre eigenen Vermutungen (das eigentliche Anliegen, was nicht gesagt wird) sind nicht enthalten. Poise sendet nichts: Die Nachricht geht aus Ihrem E-Mail-Programm.</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>Open in mail</source>
        <translation>In E-Mail öffnen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Save as .eml…</source>
        <translation>Als .eml speichern…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Opening your mail program…</source>
        <translation>Ihr E-Mail-Programm wird geöffnet…</translation>
    </message>
    <message>
        <source>Handed to your mail program. It is a long recap: if the message there is cut short, use Copy and paste it instead.</source>
        <translation>An Ihr E-Mail-Programm übergeben. Der Nachbericht ist lang: Wenn die Nachricht dort gekürzt ist, kopieren Sie ihn stattdessen und fügen Sie sie ein.</translation>
    </message>
    <message>
        <source>Handed to your mail program: check it there, then send.</source>
        <translation>An Ihr E-Mail-Programm übergeben: Prüfen Sie sie dort und senden Sie sie dann.</translation>
    </message>
    <message>
        <source>Not opened in mail: {reason}. Use Copy and paste it into your mail, or Save as .eml and open that file.</source>
        <translation>Nicht in E-Mail geöffnet: {reason}. Kopieren Sie den Text in Ihre E-Mail, oder speichern Sie ihn als .eml und öffnen Sie diese Datei.</translation>
    </message>
    <message>
        <source>Subject and text copied.</source>
        <translation>Betreff und Text kopiert.</translation>
    </message>
    <message>
        <source>Could not write {file}: {error}</source>
        <translation>{file} ließ sich nicht schreiben: {error}</translation>
    </message>
    <message>
        <source>Saved {file}: open it to send it from your mail program.</source>
        <translation>{file} gespeichert: Öffnen Sie die Datei, um sie aus Ihrem E-Mail-Programm zu senden.</translation>
    </message>
    <message>
        <source>Save recap</source>
        <translation>Nachbericht speichern</translation>
    </message>
    <message>
        <source>E-mail (*.eml)</source>
        <translation>E-Mail (*.eml)</translation>
    </message>
</context>
</TS>
