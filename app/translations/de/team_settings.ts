<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>LockedSettingsNote</name>
    <message>
        <source>Settings shown greyed out are set for everyone by {organisation} and cannot be changed here.</source>
        <translation>Ausgegraute Einstellungen legt {organisation} für alle fest; sie lassen sich hier nicht ändern.</translation>
    </message>
    <message>
        <source>your administrator</source>
        <translation>Ihre Administration</translation>
    </message>
</context>
<context>
    <name>ManagedSettings</name>
    <message>
        <source>Set by {organisation}</source>
        <translation>Festgelegt von {organisation}</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Festgelegt von Ihrer Administration</translation>
    </message>
    <message>
        <source>it is not a plain file</source>
        <translation>sie ist keine normale Datei</translation>
    </message>
    <message>
        <source>it is far larger than settings take</source>
        <translation>sie ist viel größer, als Einstellungen je sind</translation>
    </message>
    <message>
        <source>it is not UTF-8 text (byte {number})</source>
        <translation>sie ist kein UTF-8-Text (Byte {number})</translation>
    </message>
    <message>
        <source>The administrator&apos;s settings in {file} cannot be read ({reason}), so Poise uses its own defaults and yours. The file is left as it is.</source>
        <translation>Die Einstellungen der Administration in {file} lassen sich nicht lesen ({reason}). Poise nutzt daher die eigenen Standardwerte und Ihre Einstellungen. Die Datei bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not a known entry</source>
        <translation>„{key}“ ist kein bekannter Eintrag</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be text</source>
        <translation>„{key}“ muss Text sein</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a table</source>
        <translation>„{key}“ muss eine Tabelle sein</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not a setting</source>
        <translation>„{key}“ ist keine Einstellung</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; has a value Poise cannot use</source>
        <translation>„{key}“ hat einen Wert, den Poise nicht verwenden kann</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a list of names</source>
        <translation>„{key}“ muss eine Liste von Namen sein</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is locked but has no value under [settings]</source>
        <translation>„{name}“ ist gesperrt, hat aber unter [settings] keinen Wert</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not a URL</source>
        <translation>„{key}“ ist keine URL</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; holds a password; give each person their own (for example in ~/.pgpass) and write the URL without it</source>
        <translation>„{key}“ enthält ein Passwort; geben Sie jeder Person ein eigenes (etwa in ~/.pgpass) und schreiben Sie die URL ohne Passwort</translation>
    </message>
    <message>
        <source>The administrator&apos;s settings in {file}, line {line}: {reason}. Poise leaves that entry out and uses the rest.</source>
        <translation>Die Einstellungen der Administration in {file}, Zeile {line}: {reason}. Poise lässt diesen Eintrag weg und verwendet den Rest.</translation>
    </message>
</context>
</TS>
