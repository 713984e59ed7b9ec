<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Settings</name>
    <message>
        <source>it holds no settings</source>
        <translation>sie enthält keine Einstellungen</translation>
    </message>
    <message>
        <source>it is larger than {size} KB, far more than settings take</source>
        <translation>sie ist größer als {size} KB, weit mehr, als Einstellungen brauchen</translation>
    </message>
    <message>
        <source>it is not text: byte {byte} is broken</source>
        <translation>sie ist kein Text: Byte {byte} ist beschädigt</translation>
    </message>
    <message>
        <source>it is nested too deeply</source>
        <translation>sie ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>it is not valid JSON: {problem} at line {line}</source>
        <translation>sie ist kein gültiges JSON: {problem} in Zeile {line}</translation>
    </message>
    <message>
        <source>Poise cannot save your settings in {path} ({problem}). Your changes hold until Poise closes.</source>
        <translation>Poise kann Ihre Einstellungen nicht in {path} speichern ({problem}). Ihre Änderungen gelten, bis Poise geschlossen wird.</translation>
    </message>
    <message>
        <source>a folder has that name</source>
        <translation>ein Ordner hat diesen Namen</translation>
    </message>
</context>
<context>
    <name>SettingsDamage</name>
    <message>
        <source>Your settings file could not be read ({reason}), so Poise started with the default settings. The old file is kept, unchanged, at {kept}.</source>
        <translation>Ihre Einstellungsdatei konnte nicht gelesen werden ({reason}), daher hat Poise mit den Standardeinstellungen begonnen. Die alte Datei liegt unverändert unter {kept}.</translation>
    </message>
    <message>
        <source>Your settings file could not be read ({reason}), so Poise started with the default settings. It could not be moved aside ({problem}), so Poise leaves it as it is at {path} and keeps any change you make only until Poise closes.</source>
        <translation>Ihre Einstellungsdatei konnte nicht gelesen werden ({reason}), daher hat Poise mit den Standardeinstellungen begonnen. Sie ließ sich nicht beiseitelegen ({problem}), daher bleibt sie unverändert unter {path}, und Ihre Änderungen gelten nur, bis Poise geschlossen wird.</translation>
    </message>
</context>
</TS>
