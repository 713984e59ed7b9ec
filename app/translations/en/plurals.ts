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
    <name>NotesPanel</name>
    <message numerus="yes">
        <source>%n action items. Last: {item}</source>
        <translation>
            <numerusform>%n action items. Last: {item}</numerusform>
            <numerusform>%n action items. Last: {item}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartnerCountWords</name>
    <message numerus="yes">
        <source>%n partners connected</source>
        <translation>
            <numerusform>%n partners connected</numerusform>
            <numerusform>%n partners connected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartnerStatus</name>
    <message numerus="yes">
        <source>%n partners connected</source>
        <translation>
            <numerusform>%n partners connected</numerusform>
            <numerusform>%n partners connected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PauseCountdown</name>
    <message numerus="yes">
        <source>Breathe for %n seconds before you answer</source>
        <translation>
            <numerusform>Breathe for %n seconds before you answer</numerusform>
            <numerusform>Breathe for %n seconds before you answer</numerusform>
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
    <name>RelayStatusLine</name>
    <message numerus="yes">
        <source>%n partners connected on this network</source>
        <translation>
            <numerusform>%n partners connected on this network</numerusform>
            <numerusform>%n partners connected on this network</numerusform>
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
            <numerusform>%n+ match(es) for “{query}”</numerusform>
            <numerusform>%n+ match(es) for “{query}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) for “{query}”</source>
        <translation>
            <numerusform>%n match(es) for “{query}”</numerusform>
            <numerusform>%n match(es) for “{query}”</numerusform>
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
    <name>SummaryWindow</name>
    <message numerus="yes">
        <source>… %n more lines</source>
        <translation>
            <numerusform>… %n more lines</numerusform>
            <numerusform>… %n more lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{seen} of {total} visited, %n loop-backs</source>
        <translation>
            <numerusform>{seen} of {total} visited, %n loop-backs</numerusform>
            <numerusform>{seen} of {total} visited, %n loop-backs</numerusform>
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
