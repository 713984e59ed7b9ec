<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CliWords</name>
    <message numerus="yes">
        <source>{path}: ok ({id}, %n step(s), with video-call words, in {languages})</source>
        <translation>
            <numerusform>{path}: ok ({id}, %n step, with video-call words, in {languages})</numerusform>
            <numerusform>{path}: ok ({id}, %n steps, with video-call words, in {languages})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{path}: ok ({id}, %n step(s), in {languages})</source>
        <translation>
            <numerusform>{path}: ok ({id}, %n step, in {languages})</numerusform>
            <numerusform>{path}: ok ({id}, %n steps, in {languages})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueWords</name>
    <message numerus="yes">
        <source>Due: {things} · and %n more</source>
        <translation>
            <numerusform>Due: {things} · and %n more</numerusform>
            <numerusform>Due: {things} · and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowThroughWords</name>
    <message numerus="yes">
        <source>…and %n more overdue</source>
        <translation>
            <numerusform>…and %n more overdue</numerusform>
            <numerusform>…and %n more overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still open: {item} (+%n more)</source>
        <translation>
            <numerusform>Still open: {item} (+%n more)</numerusform>
            <numerusform>Still open: {item} (+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeftOpenOffer</name>
    <message numerus="yes">
        <source>Your meeting with {client} ({when}) was left open (and %n more).</source>
        <translation>
            <numerusform>Your meeting with {client} ({when}) was left open (and %n more).</numerusform>
            <numerusform>Your meeting with {client} ({when}) was left open (and %n more).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n playbook(s) ready.</source>
        <translation>
            <numerusform>%n playbook ready.</numerusform>
            <numerusform>%n playbooks ready.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartnerNotedCount</name>
    <message numerus="yes">
        <source>Noted: %n</source>
        <translation>
            <numerusform>Noted: %n</numerusform>
            <numerusform>Noted: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your partner noted %n things</source>
        <translation>
            <numerusform>Your partner noted %n thing</numerusform>
            <numerusform>Your partner noted %n things</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecentMeetings</name>
    <message numerus="yes">
        <source>%n cue(s)</source>
        <translation>
            <numerusform>%n cue</numerusform>
            <numerusform>%n cues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderWords</name>
    <message numerus="yes">
        <source>%n more due: see the open follow-ups in the review</source>
        <translation>
            <numerusform>%n more due: see the open follow-ups in the review</numerusform>
            <numerusform>%n more due: see the open follow-ups in the review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message numerus="yes">
        <source>%n observation(s) by your partner</source>
        <translation>
            <numerusform>%n observation by your partner</numerusform>
            <numerusform>%n observations by your partner</numerusform>
        </translation>
    </message>
</context>
</TS>
