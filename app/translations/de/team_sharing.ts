<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ClientPage</name>
    <message>
        <source>Share…</source>
        <translation>Teilen…</translation>
    </message>
    <message>
        <source>Let a colleague or the whole team read this history</source>
        <translation>Einen Kollegen oder das ganze Team diesen Verlauf lesen lassen</translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <source>Share…</source>
        <translation>Teilen…</translation>
    </message>
    <message>
        <source>Let a colleague or the whole team read this meeting</source>
        <translation>Einen Kollegen oder das ganze Team diese Besprechung lesen lassen</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share this meeting</source>
        <translation>Diese Besprechung teilen</translation>
    </message>
    <message>
        <source>Let a colleague or the whole team read “{what}”.</source>
        <translation>Einen Kollegen oder das ganze Team „{what}“ lesen lassen.</translation>
    </message>
    <message>
        <source>Share this client&apos;s history</source>
        <translation>Den Verlauf dieses Kunden teilen</translation>
    </message>
    <message>
        <source>Let a colleague or the whole team read every meeting with {what}.</source>
        <translation>Einen Kollegen oder das ganze Team jede Besprechung mit {what} lesen lassen.</translation>
    </message>
    <message>
        <source>They can read it, not change it. You can stop sharing at any time.</source>
        <translation>Sie können es lesen, aber nicht ändern. Sie können das Teilen jederzeit beenden.</translation>
    </message>
    <message>
        <source>Share with</source>
        <translation>Teilen mit</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>Share with:</source>
        <translation>Teilen mit:</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation>Geteilt mit</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Nicht mehr teilen</translation>
    </message>
    <message>
        <source>Reading your team…</source>
        <translation>Ihr Team wird gelesen…</translation>
    </message>
    <message>
        <source>Shared with now:</source>
        <translation>Zurzeit geteilt mit:</translation>
    </message>
    <message>
        <source>The whole team ({group})</source>
        <translation>Das ganze Team ({group})</translation>
    </message>
    <message>
        <source>No one yet: only you can read it.</source>
        <translation>Noch mit niemandem: nur Sie können es lesen.</translation>
    </message>
    <message>
        <source>There is no one to share with yet: an administrator adds colleagues with &apos;poise team add&apos;.</source>
        <translation>Es gibt noch niemanden zum Teilen: Ein Administrator fügt Kollegen mit „poise team add“ hinzu.</translation>
    </message>
    <message>
        <source>Shared with {name}: they can read it now.</source>
        <translation>Mit {name} geteilt: Die Person kann es jetzt lesen.</translation>
    </message>
    <message>
        <source>Sharing…</source>
        <translation>Wird geteilt…</translation>
    </message>
    <message>
        <source>{name} can no longer read it.</source>
        <translation>{name} kann es nicht mehr lesen.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird beendet…</translation>
    </message>
    <message>
        <source>That did not work: {problem}</source>
        <translation>Das hat nicht geklappt: {problem}</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>Sharing needs the team&apos;s database: this one is yours alone.</source>
        <translation>Teilen geht nur mit der Datenbank des Teams: Diese hier gehört Ihnen allein.</translation>
    </message>
    <message>
        <source>{role} is not in your team.</source>
        <translation>{role} ist nicht in Ihrem Team.</translation>
    </message>
</context>
<context>
    <name>TeamCommand</name>
    <message>
        <source>poise team: name the database with --url URL.</source>
        <translation>poise team: Geben Sie die Datenbank mit --url URL an.</translation>
    </message>
    <message>
        <source>Added {name} to {group}.</source>
        <translation>{name} wurde zu {group} hinzugefügt.</translation>
    </message>
    <message>
        <source>Give {name} this database URL (no password in it):</source>
        <translation>Geben Sie {name} diese Datenbank-URL (ohne Passwort):</translation>
    </message>
    <message>
        <source>Set a first password for {name} (in psql: ALTER ROLE {name} PASSWORD &apos;…&apos;); they change it with:</source>
        <translation>Legen Sie ein erstes Passwort für {name} fest (in psql: ALTER ROLE {name} PASSWORD &apos;…&apos;); geändert wird es mit:</translation>
    </message>
    <message>
        <source>Poise&apos;s database driver reads the password from ~/.pgpass (Windows: %APPDATA%\postgresql\pgpass.conf).</source>
        <translation>Der Datenbanktreiber von Poise liest das Passwort aus ~/.pgpass (Windows: %APPDATA%\postgresql\pgpass.conf).</translation>
    </message>
</context>
<context>
    <name>TeamSetup</name>
    <message>
        <source>“{name}” is not a plain role name: use lower-case letters, digits and _, starting with a letter (at most 63).</source>
        <translation>„{name}“ ist kein einfacher Rollenname: Verwenden Sie Kleinbuchstaben, Ziffern und _, beginnend mit einem Buchstaben (höchstens 63).</translation>
    </message>
    <message>
        <source>A team needs a PostgreSQL database (postgresql+psycopg://…): on SQLite Poise keeps one person&apos;s notes.</source>
        <translation>Ein Team braucht eine PostgreSQL-Datenbank (postgresql+psycopg://…): In SQLite speichert Poise die Notizen einer einzigen Person.</translation>
    </message>
    <message>
        <source>Created the group role {group}.</source>
        <translation>Die Gruppenrolle {group} wurde angelegt.</translation>
    </message>
    <message>
        <source>The schema is at the newest revision, owned by {owner}; members of {group} may read and write their own rows only.</source>
        <translation>Das Schema ist auf dem neuesten Stand und gehört {owner}; Mitglieder von {group} dürfen nur ihre eigenen Zeilen lesen und schreiben.</translation>
    </message>
    <message>
        <source>There is no group role {group} yet: run &apos;poise team setup URL&apos; first.</source>
        <translation>Es gibt noch keine Gruppenrolle {group}: Führen Sie zuerst „poise team setup URL“ aus.</translation>
    </message>
    <message>
        <source>A role named {name} exists already.</source>
        <translation>Eine Rolle namens {name} gibt es schon.</translation>
    </message>
    <message>
        <source>There is no role named {name}.</source>
        <translation>Es gibt keine Rolle namens {name}.</translation>
    </message>
    <message>
        <source>Removed {name}; their sessions were ended.</source>
        <translation>{name} wurde entfernt; die offenen Sitzungen wurden beendet.</translation>
    </message>
</context>
<context>
    <name>TeamSharing</name>
    <message>
        <source>Shared with you by {owner}: you can read it, not change it. Only {owner} can edit or delete it.</source>
        <translation>Von {owner} mit Ihnen geteilt: Sie können die Besprechung lesen, aber nicht ändern. Nur {owner} kann sie bearbeiten oder löschen.</translation>
    </message>
    <message>
        <source>{trends} (your own meetings only)</source>
        <translation>{trends} (nur Ihre eigenen Besprechungen)</translation>
    </message>
</context>
</TS>
