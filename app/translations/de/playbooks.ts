<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>PlaybookChecker</name>
    <message>
        <source>unknown field (did you mean &apos;{hint}&apos;?)</source>
        <translation>unbekanntes Feld (meinten Sie &apos;{hint}&apos;?)</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>unbekanntes Feld</translation>
    </message>
    <message>
        <source>missing field</source>
        <translation>Feld fehlt</translation>
    </message>
    <message>
        <source>must be text, not {kind}</source>
        <translation>muss Text sein, nicht {kind}</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>is {count} characters; keep it under {limit} so it reads at a glance</source>
        <translation>hat {count} Zeichen; bleiben Sie unter {limit}, damit es sich auf einen Blick lesen lässt</translation>
    </message>
    <message>
        <source>must be a list of text lines</source>
        <translation>muss eine Liste von Textzeilen sein</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; must be lower-case letters, digits and hyphens</source>
        <translation>&apos;{value}&apos; darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten</translation>
    </message>
    <message>
        <source>must be a whole number, not {kind}</source>
        <translation>muss eine ganze Zahl sein, nicht {kind}</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>darf nicht negativ sein</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>eine Tabelle</translation>
    </message>
</context>
<context>
    <name>PlaybookFile</name>
    <message>
        <source>cannot read file: {reason}</source>
        <translation>Datei nicht lesbar: {reason}</translation>
    </message>
    <message>
        <source>is {kind}, not a playbook file</source>
        <translation>ist {kind}, keine Leitfaden-Datei</translation>
    </message>
    <message>
        <source>file is {size:,} bytes; the limit is {limit:,}</source>
        <translation>Datei hat {size:,} Bytes; die Grenze ist {limit:,}</translation>
    </message>
    <message>
        <source>file is not UTF-8 (bad byte at offset {offset})</source>
        <translation>Datei ist nicht UTF-8 (ungültiges Byte an Stelle {offset})</translation>
    </message>
</context>
</TS>
