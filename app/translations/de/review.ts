<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ActionItemModel</name>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
</context>
<context>
    <name>ActionItemsEditor</name>
    <message>
        <source>Action items</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Space ticks; F2 edits; due date as +3, fri or 2025-03-14</source>
        <translation>Leertaste hakt ab; F2 bearbeitet; Fälligkeit als +3, fr oder 2025-03-14</translation>
    </message>
    <message>
        <source>New action item…</source>
        <translation>Neue Aufgabe…</translation>
    </message>
    <message>
        <source>New action item</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Due: +3, fri…</source>
        <translation>Fällig: +3, fr…</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Auswahl entfernen</translation>
    </message>
</context>
<context>
    <name>ClientItemModel</name>
    <message>
        <source>Action</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Besprechung</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>done {day}</source>
        <translation>erledigt am {day}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>heute fällig</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
</context>
<context>
    <name>ClientMeetingModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Besprechung</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>Zugesagt</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
    <message>
        <source>{title} ({length})</source>
        <translation>{title} ({length})</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>keine geplant</translation>
    </message>
    <message>
        <source>{day}: kept (met again {met})</source>
        <translation>{day}: eingehalten (wieder getroffen am {met})</translation>
    </message>
    <message>
        <source>{day}: missed, no meeting by then</source>
        <translation>{day}: verpasst, bis dahin keine Besprechung</translation>
    </message>
    <message>
        <source>{day}: today</source>
        <translation>{day}: heute</translation>
    </message>
    <message>
        <source>{day}: not due yet</source>
        <translation>{day}: noch nicht fällig</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Back where you came from (Esc)</source>
        <translation>Zurück, woher Sie kamen (Esc)</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Besprechungen</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Meetings, newest first</source>
        <translation>Besprechungen, neueste zuerst</translation>
    </message>
    <message>
        <source>Action items, ours and theirs</source>
        <translation>Aufgaben, unsere und die des Kunden</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n Besprechung</numerusform>
            <numerusform>%n Besprechungen</numerusform>
        </translation>
    </message>
    <message>
        <source>follow-up dates: {kept} kept, {missed} missed</source>
        <translation>Wiedervorlagen: {kept} eingehalten, {missed} verpasst</translation>
    </message>
    <message numerus="yes">
        <source>%n open action item(s), {overdue} overdue</source>
        <translation>
            <numerusform>%n offene Aufgabe, davon {overdue} überfällig</numerusform>
            <numerusform>%n offene Aufgaben, davon {overdue} überfällig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open action item(s)</source>
        <translation>
            <numerusform>%n offene Aufgabe</numerusform>
            <numerusform>%n offene Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>no open action items</source>
        <translation>keine offenen Aufgaben</translation>
    </message>
</context>
<context>
    <name>DeleteMeetingQuestion</name>
    <message>
        <source>Delete meeting</source>
        <translation>Besprechung löschen</translation>
    </message>
    <message>
        <source>Delete “{heading}” with all its notes, signals and action items?

This cannot be undone.</source>
        <translation>„{heading}“ mit allen Notizen, Signalen und Aufgaben löschen?

Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>FollowUpLabel</name>
    <message>
        <source>⚠ {day} (overdue)</source>
        <translation>⚠ {day} (überfällig)</translation>
    </message>
    <message>
        <source>● {day} (today)</source>
        <translation>● {day} (heute)</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Besprechung</translation>
    </message>
    <message>
        <source>Meeting of {when}</source>
        <translation>Besprechung vom {when}</translation>
    </message>
</context>
<context>
    <name>FollowUpsAndTrends</name>
    <message>
        <source>Follow-ups</source>
        <translation>Wiedervorlagen</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>Offene Wiedervorlagen</translation>
    </message>
    <message>
        <source>Trends: all clients</source>
        <translation>Entwicklung: alle Kunden</translation>
    </message>
    <message>
        <source>Open follow-ups: {count} ({overdue} overdue, {today} today)</source>
        <translation>Offene Wiedervorlagen: {count} ({overdue} überfällig, {today} heute)</translation>
    </message>
    <message>
        <source>Open follow-ups: {count} ({overdue} overdue)</source>
        <translation>Offene Wiedervorlagen: {count} ({overdue} überfällig)</translation>
    </message>
    <message>
        <source>Open follow-ups: {count} ({today} today)</source>
        <translation>Offene Wiedervorlagen: {count} ({today} heute)</translation>
    </message>
    <message>
        <source>Open follow-ups: {count}</source>
        <translation>Offene Wiedervorlagen: {count}</translation>
    </message>
    <message numerus="yes">
        <source>Trends: last %n meeting(s), all clients</source>
        <translation>
            <numerusform>Entwicklung: letzte Besprechung, alle Kunden</numerusform>
            <numerusform>Entwicklung: letzte %n Besprechungen, alle Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trends: last %n meeting(s), {client}</source>
        <translation>
            <numerusform>Entwicklung: letzte Besprechung, {client}</numerusform>
            <numerusform>Entwicklung: letzte %n Besprechungen, {client}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingFacts</name>
    <message>
        <source>playbook {title}</source>
        <translation>Leitfaden {title}</translation>
    </message>
    <message>
        <source>partner {name}</source>
        <translation>Partner {name}</translation>
    </message>
</context>
<context>
    <name>MeetingListModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>Leitfaden</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signale</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
</context>
<context>
    <name>MeetingNotesPanel</name>
    <message>
        <source>History</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Earlier versions of “{field}”, to restore one</source>
        <translation>Frühere Versionen von „{field}“, um eine wiederherzustellen</translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <source>← All meetings</source>
        <translation>← Alle Besprechungen</translation>
    </message>
    <message>
        <source>Back to the list (Esc or Alt+Left)</source>
        <translation>Zurück zur Liste (Esc oder Alt+Links)</translation>
    </message>
    <message>
        <source>↑ Newer</source>
        <translation>↑ Neuere</translation>
    </message>
    <message>
        <source>Newer meeting in the list (Ctrl+PgUp)</source>
        <translation>Neuere Besprechung in der Liste (Strg+Bild↑)</translation>
    </message>
    <message>
        <source>↓ Older</source>
        <translation>↓ Ältere</translation>
    </message>
    <message>
        <source>Older meeting in the list (Ctrl+PgDown)</source>
        <translation>Ältere Besprechung in der Liste (Strg+Bild↓)</translation>
    </message>
    <message>
        <source>Markdown…</source>
        <translation>Markdown…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation>Kalender…</translation>
    </message>
    <message>
        <source>Follow-up and due dates as an .ics file for calendars</source>
        <translation>Wiedervorlage und Fälligkeiten als .ics-Datei für Kalender</translation>
    </message>
    <message>
        <source>Recap…</source>
        <translation>Zusammenfassung…</translation>
    </message>
    <message>
        <source>A recap message for the client, to edit and send yourself</source>
        <translation>Eine Zusammenfassung für den Kunden, die Sie bearbeiten und selbst senden</translation>
    </message>
    <message>
        <source>Client…</source>
        <translation>Kunde…</translation>
    </message>
    <message>
        <source>Every meeting with this client and what was promised</source>
        <translation>Alle Besprechungen mit diesem Kunden und was zugesagt wurde</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Exportieren:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Follow-up date; set it to the first date to clear</source>
        <translation>Datum der Wiedervorlage; das früheste Datum entfernt sie</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>&amp;Follow-up:</source>
        <translation>&amp;Wiedervorlage:</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#2f4f6f&apos;&gt;■&lt;/span&gt; steps &amp;nbsp; &lt;span style=&apos;color:#c0392b&apos;&gt;▍&lt;/span&gt; signal, bar until acknowledged (hatched until it faded) &amp;nbsp; &lt;span style=&apos;color:#2f4f6f&apos;&gt;●&lt;/span&gt; stamped line &amp;nbsp; &lt;span style=&apos;color:#b54708&apos;&gt;⚑&lt;/span&gt; flagged moment</source>
        <translation>&lt;span style=&apos;color:#2f4f6f&apos;&gt;■&lt;/span&gt; Schritte &amp;nbsp; &lt;span style=&apos;color:#c0392b&apos;&gt;▍&lt;/span&gt; Signal, Balken bis zur Bestätigung (schraffiert bis zum Verblassen) &amp;nbsp; &lt;span style=&apos;color:#2f4f6f&apos;&gt;●&lt;/span&gt; markierte Zeile &amp;nbsp; &lt;span style=&apos;color:#b54708&apos;&gt;⚑&lt;/span&gt; Moment mit Fahne</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
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
        <source>Steps, signals and stamped lines</source>
        <translation>Schritte, Signale und markierte Zeilen</translation>
    </message>
    <message numerus="yes">
        <source>%n signal(s)</source>
        <translation>
            <numerusform>%n Signal</numerusform>
            <numerusform>%n Signale</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Overdue</source>
        <translation>⚠ Überfällig</translation>
    </message>
    <message>
        <source>● Today</source>
        <translation>● Heute</translation>
    </message>
    <message>
        <source>No follow-up set</source>
        <translation>Keine Wiedervorlage</translation>
    </message>
    <message>
        <source>Follow-up {day}</source>
        <translation>Wiedervorlage am {day}</translation>
    </message>
    <message>
        <source>Follow-up cleared</source>
        <translation>Wiedervorlage entfernt</translation>
    </message>
    <message>
        <source>Restored an earlier “{field}”</source>
        <translation>Frühere Version von „{field}“ wiederhergestellt</translation>
    </message>
    <message>
        <source>Export meeting</source>
        <translation>Besprechung exportieren</translation>
    </message>
    <message>
        <source>Meeting deleted</source>
        <translation>Besprechung gelöscht</translation>
    </message>
</context>
<context>
    <name>MeetingTable</name>
    <message>
        <source>Meetings</source>
        <translation>Besprechungen</translation>
    </message>
</context>
<context>
    <name>ReviewDates</name>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation>ddd, d. MMMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>d MMM yyyy HH:mm</source>
        <translation>dd.MM.yyyy HH:mm</translation>
    </message>
    <message>
        <source>dd MMM</source>
        <translation>dd.MM.</translation>
    </message>
</context>
<context>
    <name>ReviewFilterBar</name>
    <message>
        <source>any date</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Search all notes… (Ctrl+F)</source>
        <translation>Alle Notizen durchsuchen… (Strg+F)</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>Client page</source>
        <translation>Kundenseite</translation>
    </message>
    <message>
        <source>Every meeting with the chosen client (or the selected meeting&apos;s client)</source>
        <translation>Alle Besprechungen mit dem gewählten Kunden (oder dem Kunden der markierten Besprechung)</translation>
    </message>
    <message>
        <source>Export list to CSV…</source>
        <translation>Liste als CSV exportieren…</translation>
    </message>
    <message>
        <source>Every meeting matching the filter, one row each</source>
        <translation>Jede Besprechung, die zum Filter passt, je eine Zeile</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Kunde:</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Review · {app}</source>
        <translation>Rückblick · {app}</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n Besprechung</numerusform>
            <numerusform>%n Besprechungen</numerusform>
        </translation>
    </message>
    <message>
        <source>No meetings match</source>
        <translation>Keine Besprechung passt</translation>
    </message>
    <message numerus="yes">
        <source>%n+ match(es) for “{query}”</source>
        <translation>
            <numerusform>%n+ Treffer für „{query}“</numerusform>
            <numerusform>%n+ Treffer für „{query}“</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) for “{query}”</source>
        <translation>
            <numerusform>%n Treffer für „{query}“</numerusform>
            <numerusform>%n Treffer für „{query}“</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found for “{query}”</source>
        <translation>Nichts gefunden für „{query}“</translation>
    </message>
    <message>
        <source>That meeting was deleted: it is no longer in Poise.</source>
        <translation>Diese Besprechung wurde gelöscht: Sie ist nicht mehr in Poise.</translation>
    </message>
    <message>
        <source>Could not open that meeting: {error}</source>
        <translation>Die Besprechung ließ sich nicht öffnen: {error}</translation>
    </message>
    <message>
        <source>This is the first meeting in the list</source>
        <translation>Das ist die erste Besprechung der Liste</translation>
    </message>
    <message>
        <source>This is the last meeting loaded</source>
        <translation>Das ist die letzte geladene Besprechung</translation>
    </message>
    <message>
        <source>Choose a client, or select one of their meetings</source>
        <translation>Wählen Sie einen Kunden oder markieren Sie eine seiner Besprechungen</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s) with {client}</source>
        <translation>
            <numerusform>%n Besprechung mit {client}</numerusform>
            <numerusform>%n Besprechungen mit {client}</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open that client: {error}</source>
        <translation>Der Kunde ließ sich nicht öffnen: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n meeting(s) to {path}</source>
        <translation>
            <numerusform>%n Besprechung in {path} gespeichert</numerusform>
            <numerusform>%n Besprechungen in {path} gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>{path} ließ sich nicht schreiben: {error}</translation>
    </message>
    <message>
        <source>Export meetings</source>
        <translation>Besprechungen exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>{what} · {app}</source>
        <translation>{what} · {app}</translation>
    </message>
</context>
<context>
    <name>RevisionDialog</name>
    <message>
        <source>History of “{field}”</source>
        <translation>Versionen von „{field}“</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Diese Version wiederherstellen</translation>
    </message>
    <message>
        <source>Saved versions, newest first:</source>
        <translation>Gespeicherte Versionen, neueste zuerst:</translation>
    </message>
    <message>
        <source>No saved versions yet.</source>
        <translation>Noch keine gespeicherten Versionen.</translation>
    </message>
    <message>
        <source>Text of the selected version:</source>
        <translation>Text der gewählten Version:</translation>
    </message>
    <message>
        <source>This is the text the field holds now.</source>
        <translation>Das ist der Text, der jetzt im Feld steht.</translation>
    </message>
</context>
<context>
    <name>RevisionModel</name>
    <message>
        <source>{saved} (current)</source>
        <translation>{saved} (aktuell)</translation>
    </message>
    <message>
        <source>{label}: {text}</source>
        <translation>{label}: {text}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <source>{at}  {text}</source>
        <translation>{at}  {text}</translation>
    </message>
    <message numerus="yes">
        <source>%n observation(s) by your partner</source>
        <translation>
            <numerusform>%n Beobachtung Ihres Partners</numerusform>
            <numerusform>%n Beobachtungen Ihres Partners</numerusform>
        </translation>
    </message>
    <message>
        <source>Meeting timeline</source>
        <translation>Verlauf der Besprechung</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signal(s)</source>
        <translation>
            <numerusform>%n Signal</numerusform>
            <numerusform>%n Signale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stamp(s)</source>
        <translation>
            <numerusform>%n Markierung</numerusform>
            <numerusform>%n Markierungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flag(s)</source>
        <translation>
            <numerusform>%n Fahne</numerusform>
            <numerusform>%n Fahnen</numerusform>
        </translation>
    </message>
    <message>
        <source>{at}  Step: {title}</source>
        <translation>{at}  Schritt: {title}</translation>
    </message>
    <message>
        <source>{at}  Signal “{label}”, acknowledged after {after}</source>
        <translation>{at}  Signal „{label}“, bestätigt nach {after}</translation>
    </message>
    <message>
        <source>{at}  Signal “{label}”, not acknowledged, faded after {after}</source>
        <translation>{at}  Signal „{label}“, nicht bestätigt, verblasst nach {after}</translation>
    </message>
    <message>
        <source>{at}  Flag: {text}</source>
        <translation>{at}  Fahne: {text}</translation>
    </message>
    <message>
        <source>{at}  Stamped: {text}</source>
        <translation>{at}  Markiert: {text}</translation>
    </message>
</context>
<context>
    <name>TrendsChart</name>
    <message>
        <source>Trends over the last meetings</source>
        <translation>Entwicklung über die letzten Besprechungen</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s) so far</source>
        <translation>
            <numerusform>Bisher %n Besprechung</numerusform>
            <numerusform>Bisher %n Besprechungen</numerusform>
        </translation>
    </message>
    <message>
        <source>No meetings yet</source>
        <translation>Noch keine Besprechungen</translation>
    </message>
    <message>
        <source>Signals per hour</source>
        <translation>Signale pro Stunde</translation>
    </message>
    <message>
        <source>Median time to acknowledge</source>
        <translation>Mittlere Zeit bis zur Bestätigung</translation>
    </message>
</context>
<context>
    <name>TrendsVerdict</name>
    <message>
        <source>A trend shows after {count} ended meetings of {minutes} minutes or more.</source>
        <translation>Eine Entwicklung zeigt sich nach {count} beendeten Besprechungen von mindestens {minutes} Minuten.</translation>
    </message>
    <message>
        <source>Signals per hour: {before} → {after}; median time to acknowledge: {ack_before} → {ack_after}</source>
        <translation>Signale pro Stunde: {before} → {after}; mittlere Zeit bis zur Bestätigung: {ack_before} → {ack_after}</translation>
    </message>
    <message>
        <source>Signals per hour: {before} → {after}</source>
        <translation>Signale pro Stunde: {before} → {after}</translation>
    </message>
    <message>
        <source>{figures}. Calmer lately.</source>
        <translation>{figures}. Zuletzt ruhiger.</translation>
    </message>
    <message>
        <source>{figures}. More heated lately.</source>
        <translation>{figures}. Zuletzt hitziger.</translation>
    </message>
    <message>
        <source>{figures}. About the same.</source>
        <translation>{figures}. Etwa gleich.</translation>
    </message>
</context>
<context>
    <name>TimelineLegend</name>
    <message>
        <source>&lt;span style=&apos;color:#2f4f6f&apos;&gt;■&lt;/span&gt; steps &amp;nbsp; &lt;span style=&apos;color:#c0392b&apos;&gt;▍&lt;/span&gt; signal, bar until acknowledged (hatched until it faded) &amp;nbsp; &lt;span style=&apos;color:#2f4f6f&apos;&gt;●&lt;/span&gt; stamped line &amp;nbsp; &lt;span style=&apos;color:#b54708&apos;&gt;⚑&lt;/span&gt; flagged moment &amp;nbsp; &lt;span style=&apos;color:#1b7f6e&apos;&gt;◇&lt;/span&gt; your partner noticed</source>
        <translation>&lt;span style=&apos;color:#2f4f6f&apos;&gt;■&lt;/span&gt; Schritte &amp;nbsp; &lt;span style=&apos;color:#c0392b&apos;&gt;▍&lt;/span&gt; Signal, Balken bis zur Bestätigung (schraffiert bis zum Verblassen) &amp;nbsp; &lt;span style=&apos;color:#2f4f6f&apos;&gt;●&lt;/span&gt; markierte Zeile &amp;nbsp; &lt;span style=&apos;color:#b54708&apos;&gt;⚑&lt;/span&gt; Moment mit Fahne &amp;nbsp; &lt;span style=&apos;color:#1b7f6e&apos;&gt;◇&lt;/span&gt; von Ihrem Partner bemerkt</translation>
    </message>
</context>
<context>
    <name>PartnerDebriefPanel</name>
    <message>
        <source>Your partner’s debrief</source>
        <translation>Nachgespräch Ihres Partners</translation>
    </message>
</context>
<context>
    <name>TrendCounts</name>
    <message>
        <source>Cues needed</source>
        <translation>Nötige Signale</translation>
    </message>
    <message>
        <source>Your partner noticed</source>
        <translation>Ihr Partner hat bemerkt</translation>
    </message>
</context>
</TS>
