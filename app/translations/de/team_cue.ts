<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>PartnerWindow</name>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
</context>
</TS>
