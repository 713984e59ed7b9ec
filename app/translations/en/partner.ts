<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>PartnerCountWords</name>
    <message numerus="yes">
        <source>%n partners connected</source>
        <translation>
            <numerusform>%n partner connected</numerusform>
            <numerusform>%n partners connected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelayStatusLine</name>
    <message numerus="yes">
        <source>%n partners connected on this network</source>
        <translation>
            <numerusform>%n partner connected on this network</numerusform>
            <numerusform>%n partners connected on this network</numerusform>
        </translation>
    </message>
</context>
</TS>
