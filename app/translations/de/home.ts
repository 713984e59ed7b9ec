<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>DueWords</name>
    <message numerus="yes">
        <source>Due: {things} · and %n more</source>
        <translation>
            <numerusform>Fällig: {things} · und %n weitere</numerusform>
            <numerusform>Fällig: {things} · und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Due: {things}</source>
        <translation>Fällig: {things}</translation>
    </message>
</context>
<context>
    <name>LeftOpenOffer</name>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>End at last activity</source>
        <translation>Bei der letzten Aktivität beenden</translation>
    </message>
    <message numerus="yes">
        <source>Your meeting with {client} ({when}) was left open (and %n more).</source>
        <translation>
            <numerusform>Ihre Besprechung mit {client} ({when}) wurde nicht beendet (und %n weitere).</numerusform>
            <numerusform>Ihre Besprechung mit {client} ({when}) wurde nicht beendet (und %n weitere).</numerusform>
        </translation>
    </message>
    <message>
        <source>Your meeting with {client} ({when}) was left open.</source>
        <translation>Ihre Besprechung mit {client} ({when}) wurde nicht beendet.</translation>
    </message>
    <message>
        <source>A meeting is running: end it first.</source>
        <translation>Eine Besprechung läuft: Beenden Sie sie zuerst.</translation>
    </message>
    <message>
        <source>The playbook of that meeting ({playbook}) is not installed, so it cannot be resumed; it can be ended.</source>
        <translation>Der Leitfaden dieser Besprechung ({playbook}) ist nicht installiert. Sie lässt sich nicht fortsetzen, aber beenden.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>A quiet companion for the meeting with an upset client.</source>
        <translation>Ein ruhiger Begleiter für die Besprechung mit einem verärgerten Kunden.</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>Neue Besprechung…</translation>
    </message>
    <message>
        <source>Prepare and start a meeting (Ctrl+N)</source>
        <translation>Eine Besprechung vorbereiten und beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>Opening your notes…</source>
        <translation>Ihre Notizen werden geöffnet…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Try to open your notes database again</source>
        <translation>Noch einmal versuchen, die Datenbank mit Ihren Notizen zu öffnen</translation>
    </message>
    <message>
        <source>RECENT MEETINGS</source>
        <translation>LETZTE BESPRECHUNGEN</translation>
    </message>
    <message>
        <source>Recent meetings</source>
        <translation>Letzte Besprechungen</translation>
    </message>
    <message>
        <source>No meetings yet. Your meetings appear here when they end.</source>
        <translation>Noch keine Besprechungen. Ihre Besprechungen erscheinen hier, sobald sie beendet sind.</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Rückblick…</translation>
    </message>
    <message>
        <source>Opens once Poise has opened your notes</source>
        <translation>Öffnet sich, sobald Poise Ihre Notizen geöffnet hat</translation>
    </message>
    <message>
        <source>Partner mode…</source>
        <translation>Partnermodus…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Playbooks skipped because of errors:</source>
        <translation>Wegen Fehlern übersprungene Leitfäden:</translation>
    </message>
    <message numerus="yes">
        <source>%n playbook(s) ready.</source>
        <translation>
            <numerusform>%n Leitfaden bereit.</numerusform>
            <numerusform>%n Leitfäden bereit.</numerusform>
        </translation>
    </message>
    <message>
        <source>No playbook could be loaded.</source>
        <translation>Es konnte kein Leitfaden geladen werden.</translation>
    </message>
    <message>
        <source>Look back at past meetings</source>
        <translation>Auf vergangene Besprechungen zurückblicken</translation>
    </message>
    <message>
        <source>Support someone else&apos;s meeting as their partner</source>
        <translation>Die Besprechung einer anderen Person als Partner unterstützen</translation>
    </message>
</context>
<context>
    <name>RecentMeetings</name>
    <message>
        <source>not ended</source>
        <translation>nicht beendet</translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s)</source>
        <translation>
            <numerusform>%n Signal</numerusform>
            <numerusform>%n Signale</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderWords</name>
    <message>
        <source>{app} · due today</source>
        <translation>{app} · heute fällig</translation>
    </message>
    <message>
        <source>{app} · overdue</source>
        <translation>{app} · überfällig</translation>
    </message>
    <message numerus="yes">
        <source>%n more due: see the open follow-ups in the review</source>
        <translation>
            <numerusform>%n weitere fällig: Die offenen Wiedervorlagen stehen im Rückblick</numerusform>
            <numerusform>%n weitere fällig: Die offenen Wiedervorlagen stehen im Rückblick</numerusform>
        </translation>
    </message>
</context>
</TS>
