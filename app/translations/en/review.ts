<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ClientPage</name>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open action item(s), {overdue} overdue</source>
        <translation>
            <numerusform>%n open action item, {overdue} overdue</numerusform>
            <numerusform>%n open action items, {overdue} overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open action item(s)</source>
        <translation>
            <numerusform>%n open action item</numerusform>
            <numerusform>%n open action items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpsAndTrends</name>
    <message numerus="yes">
        <source>Trends: last %n meeting(s), all clients</source>
        <translation>
            <numerusform>Trends: last %n meeting, all clients</numerusform>
            <numerusform>Trends: last %n meetings, all clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trends: last %n meeting(s), {client}</source>
        <translation>
            <numerusform>Trends: last %n meeting, {client}</numerusform>
            <numerusform>Trends: last %n meetings, {client}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message numerus="yes">
        <source>%n signal(s)</source>
        <translation>
            <numerusform>%n signal</numerusform>
            <numerusform>%n signals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n+ match(es) for “{query}”</source>
        <translation>
            <numerusform>%n+ match for “{query}”</numerusform>
            <numerusform>%n+ matches for “{query}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) for “{query}”</source>
        <translation>
            <numerusform>%n match for “{query}”</numerusform>
            <numerusform>%n matches for “{query}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s) with {client}</source>
        <translation>
            <numerusform>%n meeting with {client}</numerusform>
            <numerusform>%n meetings with {client}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n meeting(s) to {path}</source>
        <translation>
            <numerusform>Saved %n meeting to {path}</numerusform>
            <numerusform>Saved %n meetings to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signal(s)</source>
        <translation>
            <numerusform>%n signal</numerusform>
            <numerusform>%n signals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stamp(s)</source>
        <translation>
            <numerusform>%n stamp</numerusform>
            <numerusform>%n stamps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flag(s)</source>
        <translation>
            <numerusform>%n flag</numerusform>
            <numerusform>%n flags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrendsChart</name>
    <message numerus="yes">
        <source>%n meeting(s) so far</source>
        <translation>
            <numerusform>%n meeting so far</numerusform>
            <numerusform>%n meetings so far</numerusform>
        </translation>
    </message>
</context>
</TS>
