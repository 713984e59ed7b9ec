<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Shortcuts</name>
    <message>
        <source>No keyboard hook could be opened: {error}</source>
        <translation>Es ließ sich kein Tastatur-Hook öffnen: {error}</translation>
    </message>
    <message>
        <source>Works once Poise is allowed under System Settings › Privacy &amp; Security › Accessibility.</source>
        <translation>Funktioniert, sobald Poise unter Systemeinstellungen › Datenschutz &amp; Sicherheit › Bedienungshilfen erlaubt ist.</translation>
    </message>
    <message>
        <source>System-wide shortcuts are active.</source>
        <translation>Systemweite Tastenkürzel sind aktiv.</translation>
    </message>
    <message>
        <source>No X11 display is open, so there is no keyboard to listen to.</source>
        <translation>Es ist kein X11-Display geöffnet, also gibt es keine Tastatur zum Zuhören.</translation>
    </message>
    <message>
        <source>Cannot open the X11 display {display}: {error}</source>
        <translation>Das X11-Display {display} lässt sich nicht öffnen: {error}</translation>
    </message>
    <message>
        <source>This desktop offers no shortcuts portal; use the keys in Poise's window.</source>
        <translation>Dieser Desktop bietet kein Portal für Tastenkürzel; nutzen Sie die Tasten im Fenster von Poise.</translation>
    </message>
    <message>
        <source>Poise asks your desktop for the keys when it starts listening.</source>
        <translation>Poise fragt Ihren Desktop nach den Tasten, sobald es zu hören beginnt.</translation>
    </message>
    <message>
        <source>Asking your desktop for the keys; it may show a dialog to approve them.</source>
        <translation>Ihr Desktop wird nach den Tasten gefragt; er zeigt vielleicht einen Dialog, um sie zu bestätigen.</translation>
    </message>
    <message>
        <source>The keys were turned down in your desktop's dialog; use the keys in Poise's window (saving these settings asks again).</source>
        <translation>Die Tasten wurden im Dialog Ihres Desktops abgelehnt; nutzen Sie die Tasten im Fenster von Poise (Speichern dieser Einstellungen fragt erneut).</translation>
    </message>
    <message>
        <source>Your desktop could not bind Poise's keys; use the keys in Poise's window.</source>
        <translation>Ihr Desktop konnte die Tasten von Poise nicht belegen; nutzen Sie die Tasten im Fenster von Poise.</translation>
    </message>
    <message>
        <source>Your desktop has not answered about the keys yet; until it does, use the keys in Poise's window.</source>
        <translation>Ihr Desktop hat zu den Tasten noch nicht geantwortet; bis dahin nutzen Sie die Tasten im Fenster von Poise.</translation>
    </message>
    <message>
        <source>Your desktop's shortcuts portal stopped; use the keys in Poise's window.</source>
        <translation>Das Tastenkürzel-Portal Ihres Desktops wurde beendet; nutzen Sie die Tasten im Fenster von Poise.</translation>
    </message>
    <message>
        <source>Your desktop bound Poise's keys; its own settings can change them.</source>
        <translation>Ihr Desktop hat die Tasten von Poise belegt; seine eigenen Einstellungen können sie ändern.</translation>
    </message>
</context>
</TS>
