<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Cli</name>
    <message>
        <source>{app}: a quiet companion window for the meeting with an upset client. Without a command, opens the app.</source>
        <translation>{app}: ein ruhiges Begleitfenster für die Besprechung mit einem verärgerten Kunden. Ohne Befehl öffnet sich die App.</translation>
    </message>
    <message>
        <source>folder for the database and user playbooks (env {env})</source>
        <translation>Ordner für die Datenbank und eigene Leitfäden (Umgebungsvariable {env})</translation>
    </message>
    <message>
        <source>SQLAlchemy URL of the database, for example postgresql+psycopg://host/poise (env {env}; default: SQLite in the data folder)</source>
        <translation>SQLAlchemy-URL der Datenbank, etwa postgresql+psycopg://host/poise (Umgebungsvariable {env}; Standard: SQLite im Datenordner)</translation>
    </message>
    <message>
        <source>check or list playbooks</source>
        <translation>Leitfäden prüfen oder auflisten</translation>
    </message>
    <message>
        <source>validate playbook files</source>
        <translation>Leitfaden-Dateien prüfen</translation>
    </message>
    <message>
        <source>show the playbooks that would load, and from where</source>
        <translation>die Leitfäden zeigen, die geladen würden, und woher</translation>
    </message>
    <message>
        <source>open the partner window to send cues</source>
        <translation>das Partnerfenster öffnen, um Signale zu senden</translation>
    </message>
    <message>
        <source>pairing address or pairing link from Poise</source>
        <translation>Kopplungsadresse oder Kopplungslink aus Poise</translation>
    </message>
    <message>
        <source>find past meetings, follow up, export, see trends</source>
        <translation>vergangene Besprechungen finden, nachfassen, exportieren, Trends sehen</translation>
    </message>
    <message>
        <source>{path}: is a folder; name the playbook files in it</source>
        <translation>{path}: ist ein Ordner; nennen Sie die Leitfaden-Dateien darin</translation>
    </message>
    <message>
        <source>warning: {warning}</source>
        <translation>Warnung: {warning}</translation>
    </message>
    <message>
        <source>skipped: {problem}</source>
        <translation>übersprungen: {problem}</translation>
    </message>
</context>
<context>
    <name>CliWords</name>
    <message numerus="yes">
        <source>{path}: ok ({id}, %n step(s), with video-call words, in {languages})</source>
        <translation>
            <numerusform>{path}: ok ({id}, %n Schritt, mit Worten für Videokonferenzen, in {languages})</numerusform>
            <numerusform>{path}: ok ({id}, %n Schritte, mit Worten für Videokonferenzen, in {languages})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{path}: ok ({id}, %n step(s), in {languages})</source>
        <translation>
            <numerusform>{path}: ok ({id}, %n Schritt, in {languages})</numerusform>
            <numerusform>{path}: ok ({id}, %n Schritte, in {languages})</numerusform>
        </translation>
    </message>
</context>
</TS>
