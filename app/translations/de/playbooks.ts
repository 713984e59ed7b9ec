<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>PlaybookCheck</name>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Spanisch</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Französisch</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italienisch</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Niederländisch</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polnisch</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugiesisch</translation>
    </message>
    <message>
        <source>is the playbook&apos;s own language ({code}): write these words above</source>
        <translation>ist die eigene Sprache des Leitfadens ({code}): schreiben Sie diese Wörter weiter oben</translation>
    </message>
    <message>
        <source>unknown language code &apos;{code}&apos;; name a language by its two-letter ISO 639-1 code, such as &apos;de&apos;</source>
        <translation>unbekannter Sprachcode &apos;{code}&apos;; nennen Sie eine Sprache mit ihrem zweibuchstabigen ISO-639-1-Code, etwa &apos;de&apos;</translation>
    </message>
    <message>
        <source>translates &apos;{field}&apos;, which this step does not have</source>
        <translation>übersetzt &apos;{field}&apos;, das dieser Schritt nicht hat</translation>
    </message>
    <message>
        <source>must be a [{table}] table</source>
        <translation>muss eine Tabelle [{table}] sein</translation>
    </message>
    <message>
        <source>translates &apos;{field}&apos;, which this step&apos;s video words do not change</source>
        <translation>übersetzt &apos;{field}&apos;, das die Wörter dieses Schritts für Videocalls nicht ändern</translation>
    </message>
    <message>
        <source>must be a table with &apos;when&apos;, as in {example}</source>
        <translation>muss eine Tabelle mit &apos;when&apos; sein, wie in {example}</translation>
    </message>
    <message>
        <source>the step it goes back to is the same in every language: leave &apos;to&apos; out</source>
        <translation>der Schritt, zu dem es zurückgeht, ist in jeder Sprache derselbe: lassen Sie &apos;to&apos; weg</translation>
    </message>
    <message>
        <source>must be a table with &apos;summary&apos;</source>
        <translation>muss eine Tabelle mit &apos;summary&apos; sein</translation>
    </message>
    <message>
        <source>the top fields</source>
        <translation>den obersten Feldern</translation>
    </message>
    <message>
        <source>follows {after}, so it would translate the last [[{phase}]] step; write it right after the step it translates</source>
        <translation>steht nach {after} und würde so den letzten [[{phase}]]-Schritt übersetzen; schreiben Sie es direkt nach den Schritt, den es übersetzt</translation>
    </message>
    <message>
        <source>no {language} text: shows the {own} &apos;{fallback}&apos;</source>
        <translation>kein Text auf {language}: zeigt auf {own} &apos;{fallback}&apos;</translation>
    </message>
</context>
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
        <source>has {count} questions; a partner is asked at most {most}</source>
        <translation>hat {count} Fragen; einem Partner werden höchstens {most} gestellt</translation>
    </message>
    <message>
        <source>question {number} is {count} characters; the limit is {limit}</source>
        <translation>Frage {number} hat {count} Zeichen; die Grenze liegt bei {limit}</translation>
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
<context>
    <name>PlaybookParser</name>
    <message>
        <source>not valid TOML: {message}</source>
        <translation>kein gültiges TOML: {message}</translation>
    </message>
    <message>
        <source>not valid TOML: nested too deeply</source>
        <translation>kein gültiges TOML: zu tief verschachtelt</translation>
    </message>
    <message>
        <source>format {found} is not supported; this Poise reads format {supported}</source>
        <translation>Format {found} wird nicht unterstützt; dieses Poise liest Format {supported}</translation>
    </message>
    <message>
        <source>missing field: a playbook needs at least one [[during]] step</source>
        <translation>Feld fehlt: ein Leitfaden braucht mindestens einen [[during]]-Schritt</translation>
    </message>
    <message>
        <source>missing field: credit at least one source</source>
        <translation>Feld fehlt: nennen Sie mindestens eine Quelle</translation>
    </message>
    <message>
        <source>must be [[source]] tables</source>
        <translation>muss aus [[source]]-Tabellen bestehen</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must be [[{name}]] tables</source>
        <translation>muss aus [[{name}]]-Tabellen bestehen</translation>
    </message>
    <message>
        <source>a step only for meetings in person has no video words</source>
        <translation>ein Schritt nur für Besprechungen vor Ort hat keine Worte für Videocalls</translation>
    </message>
    <message>
        <source>must be one of {choices}, not {value}</source>
        <translation>muss eines von {choices} sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be a [{phase}.video] table</source>
        <translation>muss eine [{phase}.video]-Tabelle sein</translation>
    </message>
    <message>
        <source>must be a [video] table</source>
        <translation>muss eine [video]-Tabelle sein</translation>
    </message>
    <message>
        <source>must be a table with &apos;when&apos; and &apos;to&apos;</source>
        <translation>muss eine Tabelle mit &apos;when&apos; und &apos;to&apos; sein</translation>
    </message>
    <message>
        <source>no [[during]] step is left for a meeting in person</source>
        <translation>für eine Besprechung vor Ort bleibt kein [[during]]-Schritt</translation>
    </message>
    <message>
        <source>no [[during]] step is left for a meeting on a video call</source>
        <translation>für eine Besprechung im Videocall bleibt kein [[during]]-Schritt</translation>
    </message>
    <message>
        <source>goes back to step &apos;{target}&apos;, which a meeting in person does not have</source>
        <translation>führt zurück zu Schritt &apos;{target}&apos;, den eine Besprechung vor Ort nicht hat</translation>
    </message>
    <message>
        <source>goes back to step &apos;{target}&apos;, which a meeting on a video call does not have</source>
        <translation>führt zurück zu Schritt &apos;{target}&apos;, den eine Besprechung im Videocall nicht hat</translation>
    </message>
    <message>
        <source>duplicate step key &apos;{key}&apos; (already used in [[{phase}]])</source>
        <translation>doppelter Schrittschlüssel &apos;{key}&apos; (schon in [[{phase}]] verwendet)</translation>
    </message>
    <message>
        <source>goes back to step &apos;{target}&apos;, which does not exist</source>
        <translation>führt zurück zu Schritt &apos;{target}&apos;, den es nicht gibt</translation>
    </message>
    <message>
        <source>goes back to step &apos;{target}&apos; in [[{phase}]]; a loop-back stays in its own phase</source>
        <translation>führt zurück zu Schritt &apos;{target}&apos; in [[{phase}]]; ein Rücksprung bleibt in seiner eigenen Phase</translation>
    </message>
    <message>
        <source>a step cannot loop back to itself</source>
        <translation>ein Schritt kann nicht zu sich selbst zurückspringen</translation>
    </message>
</context>
</TS>
