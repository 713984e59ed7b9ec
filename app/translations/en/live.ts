<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>NotesPanel</name>
    <message numerus="yes">
        <source>%n action items. Last: {item}</source>
        <translation>
            <numerusform>%n action item. Last: {item}</numerusform>
            <numerusform>%n action items. Last: {item}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartnerStatus</name>
    <message numerus="yes">
        <source>%n partners connected</source>
        <translation>
            <numerusform>%n partner connected</numerusform>
            <numerusform>%n partners connected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PauseCountdown</name>
    <message numerus="yes">
        <source>Breathe for %n seconds before you answer</source>
        <translation>
            <numerusform>Breathe for %n second before you answer</numerusform>
            <numerusform>Breathe for %n seconds before you answer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryWindow</name>
    <message numerus="yes">
        <source>… %n more lines</source>
        <translation>
            <numerusform>… %n more line</numerusform>
            <numerusform>… %n more lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{seen} of {total} visited, %n loop-backs</source>
        <translation>
            <numerusform>{seen} of {total} visited, %n loop-back</numerusform>
            <numerusform>{seen} of {total} visited, %n loop-backs</numerusform>
        </translation>
    </message>
</context>
</TS>
