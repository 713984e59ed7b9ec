<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Journal</name>
    <message>
        <source>cannot read it ({reason})</source>
        <translation>sie ist nicht lesbar ({reason})</translation>
    </message>
    <message>
        <source>line {line} is not a journal entry ({problem})</source>
        <translation>Zeile {line} ist kein Protokolleintrag ({problem})</translation>
    </message>
    <message>
        <source>line {line} is not a journal entry</source>
        <translation>Zeile {line} ist kein Protokolleintrag</translation>
    </message>
    <message>
        <source>it does not begin with its meeting</source>
        <translation>sie beginnt nicht mit ihrer Besprechung</translation>
    </message>
    <message>
        <source>format {format} is not known here</source>
        <translation>das Format {format} ist hier nicht bekannt</translation>
    </message>
    <message>
        <source>line {line} cannot be applied ({problem})</source>
        <translation>Zeile {line} lässt sich nicht übernehmen ({problem})</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>sie ist leer</translation>
    </message>
    <message>
        <source>an entry of an unknown kind ({kind})</source>
        <translation>ein Eintrag unbekannter Art ({kind})</translation>
    </message>
    <message>
        <source>its meeting is not in this database</source>
        <translation>ihre Besprechung ist nicht in dieser Datenbank</translation>
    </message>
    <message>
        <source>The notes of a meeting kept in {path} could not be read back ({problem}). The file is kept: open it in a text editor to copy the notes.</source>
        <translation>Die Notizen einer Besprechung in {path} konnten nicht zurückgelesen werden ({problem}). Die Datei bleibt erhalten: Öffnen Sie sie in einem Texteditor, um die Notizen zu kopieren.</translation>
    </message>
    <message>
        <source>The notes of a meeting kept in {path} are not in the database yet: {problem} The file is kept and applied at the next start.</source>
        <translation>Die Notizen einer Besprechung in {path} sind noch nicht in der Datenbank: {problem} Die Datei bleibt erhalten und wird beim nächsten Start übernommen.</translation>
    </message>
    <message>
        <source>The notes of a meeting kept in {path} could not be added ({problem}). The file is kept.</source>
        <translation>Die Notizen einer Besprechung in {path} konnten nicht übernommen werden ({problem}). Die Datei bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Partner&apos;s observation</source>
        <translation>Beobachtung des Partners</translation>
    </message>
    <message>
        <source>Partner&apos;s debrief</source>
        <translation>Nachgespräch des Partners</translation>
    </message>
</context>
<context>
    <name>StoreErrors</name>
    <message>
        <source>{name} is a folder, where Poise expects its notes database file. Poise has not changed it. Move or rename that folder and start Poise again, or choose another folder with --data-dir.</source>
        <translation>{name} ist ein Ordner, wo Poise die Datei seiner Notizdatenbank erwartet. Poise hat ihn nicht verändert. Verschieben oder benennen Sie den Ordner um und starten Sie Poise erneut, oder wählen Sie mit --data-dir einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The notes database {name} is busy: another program (perhaps a second Poise) is writing to it. What you type is kept and saved as soon as it is free; close the other program if this lasts.</source>
        <translation>Die Notizdatenbank {name} ist belegt: Ein anderes Programm (vielleicht ein zweites Poise) schreibt gerade hinein. Was Sie tippen, bleibt erhalten und wird gespeichert, sobald sie frei ist; schließen Sie das andere Programm, wenn es andauert.</translation>
    </message>
    <message>
        <source>The disk that holds {name} is full. What you type is kept and saved as soon as there is room: free some space on that disk.</source>
        <translation>Die Festplatte mit {name} ist voll. Was Sie tippen, bleibt erhalten und wird gespeichert, sobald wieder Platz ist: Geben Sie auf dieser Festplatte Speicher frei.</translation>
    </message>
    <message>
        <source>Poise cannot write to {name}: the file or its folder is read-only. What you type is kept and saved when it is writable again: check the folder&apos;s permissions, or choose another folder with --data-dir.</source>
        <translation>Poise kann nicht in {name} schreiben: Die Datei oder ihr Ordner ist schreibgeschützt. Was Sie tippen, bleibt erhalten und wird gespeichert, sobald sie wieder beschreibbar ist: Prüfen Sie die Rechte des Ordners, oder wählen Sie mit --data-dir einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Poise cannot find {name} any more (was its drive removed or the folder moved?). What you type is kept and saved when the file is back.</source>
        <translation>Poise findet {name} nicht mehr (wurde das Laufwerk entfernt oder der Ordner verschoben?). Was Sie tippen, bleibt erhalten und wird gespeichert, sobald die Datei wieder da ist.</translation>
    </message>
    <message>
        <source>{name} is not a Poise database, or it is damaged. Poise has not changed it. Move the file aside (or put back a backup copy from the same folder) and start Poise again, or choose another folder with --data-dir.</source>
        <translation>{name} ist keine Poise-Datenbank oder ist beschädigt. Poise hat sie nicht verändert. Legen Sie die Datei beiseite (oder stellen Sie eine Sicherungskopie aus demselben Ordner zurück) und starten Sie Poise erneut, oder wählen Sie mit --data-dir einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Poise could not read or write {name} (the disk reported an error). What you type is kept and saved when the disk answers again. Check that the drive is still connected and healthy.</source>
        <translation>Poise konnte {name} nicht lesen oder schreiben (die Festplatte meldete einen Fehler). Was Sie tippen, bleibt erhalten und wird gespeichert, sobald die Festplatte wieder antwortet. Prüfen Sie, ob das Laufwerk noch verbunden und in Ordnung ist.</translation>
    </message>
    <message>
        <source>Poise could not use {name}: {why}. What you type is kept and saved when the problem clears.</source>
        <translation>Poise konnte {name} nicht verwenden: {why}. Was Sie tippen, bleibt erhalten und wird gespeichert, sobald das Problem behoben ist.</translation>
    </message>
    <message>
        <source>The database server at {name} has run out of disk space. What you type is kept and saved when there is room: ask whoever runs the server to free space.</source>
        <translation>Dem Datenbankserver {name} ist der Speicherplatz ausgegangen. Was Sie tippen, bleibt erhalten und wird gespeichert, sobald wieder Platz ist: Bitten Sie die Betreuer des Servers, Speicher freizugeben.</translation>
    </message>
    <message>
        <source>The database at {name} did not answer in time. What you type is kept and saved when it answers again: ask whoever runs the server if this lasts.</source>
        <translation>Die Datenbank {name} hat nicht rechtzeitig geantwortet. Was Sie tippen, bleibt erhalten und wird gespeichert, sobald sie wieder antwortet: Fragen Sie die Betreuer des Servers, wenn es andauert.</translation>
    </message>
    <message>
        <source>The database at {name} does not answer. What you type is kept and saved when it answers again: check that the server runs and that --database-url (or {env}) is right.</source>
        <translation>Die Datenbank {name} antwortet nicht. Was Sie tippen, bleibt erhalten und wird gespeichert, sobald sie wieder antwortet: Prüfen Sie, ob der Server läuft und --database-url (oder {env}) stimmt.</translation>
    </message>
    <message>
        <source>The database at {name} cannot be reached. What you type is kept and saved when it answers again: check that the server runs and that --database-url (or {env}) is right.</source>
        <translation>Die Datenbank {name} ist nicht erreichbar. Was Sie tippen, bleibt erhalten und wird gespeichert, sobald sie wieder antwortet: Prüfen Sie, ob der Server läuft und --database-url (oder {env}) stimmt.</translation>
    </message>
    <message>
        <source>{name} was written by a newer version of Poise (schema {schema}) than this one ({version}). Poise has not changed it. Install the newer Poise, or start this one with another folder (--data-dir).</source>
        <translation>{name} wurde von einer neueren Poise-Version geschrieben (Schema {schema}) als dieser ({version}). Poise hat sie nicht verändert. Installieren Sie das neuere Poise, oder starten Sie dieses mit einem anderen Ordner (--data-dir).</translation>
    </message>
</context>
</TS>
