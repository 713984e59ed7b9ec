<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Dates</name>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation>ddd, d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>ddd d MMM HH:mm</source>
        <translation>ddd, d. MMM, HH:mm</translation>
    </message>
    <message>
        <source>d MMM yyyy HH:mm</source>
        <translation>d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>HH:mm:ss</source>
        <translation>HH:mm:ss</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} Std. {minutes} Min.</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} Min. {seconds} s</translation>
    </message>
</context>
<context>
    <name>FollowThrough</name>
    <message>
        <source>{item}: done</source>
        <translation>{item}: erledigt</translation>
    </message>
    <message>
        <source>{item}: done {day}</source>
        <translation>{item}: erledigt am {day}</translation>
    </message>
    <message>
        <source>{item}: overdue</source>
        <translation>{item}: überfällig</translation>
    </message>
    <message>
        <source>{item}: due today</source>
        <translation>{item}: heute fällig</translation>
    </message>
    <message>
        <source>{item}: open</source>
        <translation>{item}: offen</translation>
    </message>
    <message>
        <source>Follow-up {day}: kept (met again {met})</source>
        <translation>Wiedervorlage {day}: eingehalten (wieder getroffen am {met})</translation>
    </message>
    <message>
        <source>Follow-up {day}: missed, no meeting by then</source>
        <translation>Wiedervorlage {day}: verpasst, bis dahin keine Besprechung</translation>
    </message>
    <message>
        <source>Follow-up {day}: today</source>
        <translation>Wiedervorlage {day}: heute</translation>
    </message>
    <message>
        <source>Follow-up {day}: not due yet</source>
        <translation>Wiedervorlage {day}: noch nicht fällig</translation>
    </message>
    <message>
        <source>Last meeting: {day}, {title}</source>
        <translation>Letzte Besprechung: {day}, {title}</translation>
    </message>
    <message>
        <source>Last meeting: {day}</source>
        <translation>Letzte Besprechung: {day}</translation>
    </message>
    <message>
        <source>Promised then: {words}</source>
        <translation>Damals zugesagt: {words}</translation>
    </message>
    <message>
        <source>Their real concern: {words}</source>
        <translation>Das eigentliche Anliegen: {words}</translation>
    </message>
    <message>
        <source>Overdue: {item}</source>
        <translation>Überfällig: {item}</translation>
    </message>
    <message>
        <source>Still open: {item}</source>
        <translation>Noch offen: {item}</translation>
    </message>
    <message>
        <source>Follow up with {client} (today)</source>
        <translation>Wiedervorlage bei {client} (heute)</translation>
    </message>
    <message>
        <source>Follow up with {client} (since {day})</source>
        <translation>Wiedervorlage bei {client} (seit {day})</translation>
    </message>
    <message>
        <source>{item} ({who}, due today)</source>
        <translation>{item} ({who}, heute fällig)</translation>
    </message>
    <message>
        <source>{item} ({who}, due since {day})</source>
        <translation>{item} ({who}, fällig seit {day})</translation>
    </message>
</context>
<context>
    <name>FollowThroughWords</name>
    <message numerus="yes">
        <source>…and %n more overdue</source>
        <translation>
            <numerusform>…und %n weitere überfällig</numerusform>
            <numerusform>…und %n weitere überfällig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still open: {item} (+%n more)</source>
        <translation>
            <numerusform>Noch offen: {item} (+%n weitere)</numerusform>
            <numerusform>Noch offen: {item} (+%n weitere)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Recap</name>
    <message>
        <source>You told us:</source>
        <translation>Sie haben uns gesagt:</translation>
    </message>
    <message>
        <source>What we will do:</source>
        <translation>Was wir tun werden:</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the code of the language this translation is in</comment>
        <translation>de</translation>
    </message>
    <message>
        <source>Your notes are quoted as you wrote them: where they speak about the client, turn them to speak to the client before you send it.</source>
        <translation>Ihre Notizen stehen so im Text, wie Sie sie geschrieben haben: Wo sie über den Kunden sprechen, richten Sie sie vor dem Senden an den Kunden.</translation>
    </message>
    <message>
        <source>Our meeting on {day}: {title}</source>
        <translation>Unsere Besprechung am {day}: {title}</translation>
    </message>
    <message>
        <source>Our meeting on {day}</source>
        <translation>Unsere Besprechung am {day}</translation>
    </message>
    <message>
        <source>Hello,</source>
        <translation>Guten Tag,</translation>
    </message>
    <message>
        <source>Thank you for meeting with me on {day}. Here is what I took away, so that you can tell me if I missed or misunderstood anything.</source>
        <translation>vielen Dank für unsere Besprechung am {day}. Hier ist, was ich mitgenommen habe, damit Sie mir sagen können, ob ich etwas übersehen oder missverstanden habe.</translation>
    </message>
    <message>
        <source>Next steps:</source>
        <translation>Nächste Schritte:</translation>
    </message>
    <message>
        <source>by {day}</source>
        <translation>bis {day}</translation>
    </message>
    <message>
        <source>Already done:</source>
        <translation>Bereits erledigt:</translation>
    </message>
    <message>
        <source>I will be back in touch by {day}.</source>
        <translation>Ich melde mich bis {day} wieder bei Ihnen.</translation>
    </message>
    <message>
        <source>Thank you again for your time.</source>
        <translation>Nochmals vielen Dank für Ihre Zeit.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Your partner noticed</source>
        <translation>Ihr Partner hat bemerkt</translation>
    </message>
    <message>
        <source>Your partner noticed: {words}</source>
        <translation>Ihr Partner hat bemerkt: {words}</translation>
    </message>
    <message>
        <source>Your partner’s debrief</source>
        <translation>Nachgespräch Ihres Partners</translation>
    </message>
    <message>
        <source>due {day}</source>
        <translation>fällig {day}</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Seite {page} von {pages}</translation>
    </message>
    <message>
        <source>Signal “{cue}” from {source}, not acknowledged</source>
        <translation>Signal „{cue}“ von {source}, nicht bestätigt</translation>
    </message>
    <message>
        <source>Signal “{cue}” from {source}, acknowledged after {delay}</source>
        <translation>Signal „{cue}“ von {source}, bestätigt nach {delay}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>Leitfaden</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Step: {title}</source>
        <translation>Schritt: {title}</translation>
    </message>
    <message>
        <source>Meeting {when} with {client}: {title}</source>
        <translation>Besprechung am {when} mit {client}: {title}</translation>
    </message>
    <message>
        <source>Meeting {when} with {client}</source>
        <translation>Besprechung am {when} mit {client}</translation>
    </message>
    <message>
        <source>Follow up with {client}</source>
        <translation>Wiedervorlage bei {client}</translation>
    </message>
    <message>
        <source>Due: {item} ({owner})</source>
        <translation>Fällig: {item} ({owner})</translation>
    </message>
    <message>
        <source>Due: {item}</source>
        <translation>Fällig: {item}</translation>
    </message>
    <message>
        <source>Started {when}.</source>
        <translation>Begonnen am {when}.</translation>
    </message>
    <message>
        <source>Poise could not open its notes database during this meeting, so this file is the only copy of what was written. Nothing of it is in the review.</source>
        <translation>Poise konnte seine Notizdatenbank während dieser Besprechung nicht öffnen, daher ist diese Datei die einzige Kopie des Geschriebenen. Nichts davon ist im Rückblick.</translation>
    </message>
    <message>
        <source>Follow up on {day}.</source>
        <translation>Wiedervorlage am {day}.</translation>
    </message>
    <message>
        <source>Duration {duration}.</source>
        <translation>Dauer {duration}.</translation>
    </message>
    <message>
        <source>No playbook steps recorded</source>
        <translation>Keine Schritte des Leitfadens aufgezeichnet</translation>
    </message>
</context>
</TS>
