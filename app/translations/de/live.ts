<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>ActionItemForm</name>
    <message>
        <source>New action item · Enter adds · Esc closes</source>
        <translation>Neue Aufgabe · Enter fügt hinzu · Esc schließt</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Due: +3, fri…</source>
        <translation>Fällig: +3, fr…</translation>
    </message>
    <message>
        <source>Due date, for example {dates}; empty for none</source>
        <translation>Fälligkeit, zum Beispiel {dates}; leer für keine</translation>
    </message>
</context>
<context>
    <name>CueBand</name>
    <message>
        <source>Cue</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>{key} or click · got it</source>
        <translation>{key} oder Klick · verstanden</translation>
    </message>
</context>
<context>
    <name>CueOverlay</name>
    <message>
        <source>Cue: {words}</source>
        <translation>Signal: {words}</translation>
    </message>
</context>
<context>
    <name>DateHint</name>
    <message>
        <source>+3, 2w, fri, next tue, tomorrow, 2025-03-14</source>
        <translation>+3, 2w, fr, nächsten di, morgen, 14.03.2025</translation>
    </message>
</context>
<context>
    <name>DayWords</name>
    <message>
        <source>ddd dd MMM</source>
        <comment>date format</comment>
        <translation>ddd d. MMM</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <comment>date format</comment>
        <translation>dddd, d. MMMM yyyy</translation>
    </message>
</context>
<context>
    <name>EndMeetingDialog</name>
    <message>
        <source>End the meeting?</source>
        <translation>Besprechung beenden?</translation>
    </message>
    <message>
        <source>End the meeting now? The notes are saved; you can review them later.</source>
        <translation>Die Besprechung jetzt beenden? Die Notizen sind gespeichert; Sie können sie später auswerten.</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Wiedervorlage am</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>End meeting</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Weitermachen</translation>
    </message>
</context>
<context>
    <name>FollowUpForm</name>
    <message>
        <source>Follow up on · Enter sets · empty clears</source>
        <translation>Wiedervorlage am · Enter setzt · leer löscht</translation>
    </message>
    <message>
        <source>Follow-up date, for example {dates}; empty clears it</source>
        <translation>Wiedervorlage, zum Beispiel {dates}; leer löscht sie</translation>
    </message>
</context>
<context>
    <name>KeysLine</name>
    <message>
        <source>System-wide keys</source>
        <translation>Systemweite Tasten</translation>
    </message>
    <message>
        <source>{keys}: only in Poise</source>
        <translation>{keys}: nur in Poise</translation>
    </message>
    <message>
        <source>Some keys as your desktop set them</source>
        <translation>Einige Tasten wie vom Desktop gesetzt</translation>
    </message>
    <message>
        <source>Desktop key {keys}: {action}</source>
        <translation>Desktop-Taste {keys}: {action}</translation>
    </message>
    <message>
        <source>No key: {action}</source>
        <translation>Keine Taste: {action}</translation>
    </message>
    <message>
        <source>{keys}.
Why: {why}
Settings › Shortcuts can choose other keys.</source>
        <translation>{keys}.
Grund: {why}
Unter Einstellungen › Tastenkürzel können Sie andere Tasten wählen.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>LiveMenu</name>
    <message>
        <source>Show a cue</source>
        <translation>Signal zeigen</translation>
    </message>
    <message>
        <source>{cue}: “{words}”</source>
        <translation>{cue}: „{words}“</translation>
    </message>
    <message>
        <source>Follow the loop-back</source>
        <translation>Zum Rücksprung</translation>
    </message>
    <message>
        <source>Add action item</source>
        <translation>Aufgabe hinzufügen</translation>
    </message>
    <message>
        <source>Set follow-up date</source>
        <translation>Wiedervorlage setzen</translation>
    </message>
    <message>
        <source>Quick line</source>
        <translation>Schnellzeile</translation>
    </message>
    <message>
        <source>Show the whole step</source>
        <translation>Ganzen Schritt zeigen</translation>
    </message>
    <message>
        <source>Note: {field}</source>
        <translation>Notiz: {field}</translation>
    </message>
    <message>
        <source>Stay on top</source>
        <translation>Immer im Vordergrund</translation>
    </message>
    <message>
        <source>Dock</source>
        <translation>Andocken</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>Linker Rand</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>Rechter Rand</translation>
    </message>
    <message>
        <source>Flag this moment</source>
        <translation>Moment markieren</translation>
    </message>
    <message>
        <source>Ask partner to step in</source>
        <translation>Partner bitten einzuspringen</translation>
    </message>
    <message>
        <source>Tell partner: {request}</source>
        <translation>An Partner: {request}</translation>
    </message>
    <message>
        <source>Partner link</source>
        <translation>Partner-Verbindung</translation>
    </message>
    <message>
        <source>End meeting…</source>
        <translation>Besprechung beenden…</translation>
    </message>
    <message>
        <source>Open this menu</source>
        <translation>Dieses Menü öffnen</translation>
    </message>
</context>
<context>
    <name>LiveWindow</name>
    <message>
        <source>This meeting is still running: End… it first</source>
        <translation>Diese Besprechung läuft noch: erst Ende…</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Besprechung</translation>
    </message>
    <message>
        <source>Time in the meeting</source>
        <translation>Zeit in der Besprechung</translation>
    </message>
    <message>
        <source>{time} in step</source>
        <translation>{time} im Schritt</translation>
    </message>
    <message>
        <source>Time in this step</source>
        <translation>Zeit in diesem Schritt</translation>
    </message>
    <message>
        <source>Cues, window, settings, end · F10</source>
        <translation>Signale, Fenster, Einstellungen, Ende · F10</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>‹  Back</source>
        <translation>‹  Zurück</translation>
    </message>
    <message>
        <source>Previous step: PageUp, Alt+Left, or Left when not typing</source>
        <translation>Voriger Schritt: Bild↑, Alt+Links, oder Links, wenn Sie nicht schreiben</translation>
    </message>
    <message>
        <source>Next  ›</source>
        <translation>Weiter  ›</translation>
    </message>
    <message>
        <source>Next step: PageDown, Alt+Right, or Right or Space when not typing</source>
        <translation>Nächster Schritt: Bild↓, Alt+Rechts, oder Rechts oder Leertaste, wenn Sie nicht schreiben</translation>
    </message>
    <message>
        <source>No follow-up date yet · Ctrl+U</source>
        <translation>Keine Wiedervorlage · Strg+U</translation>
    </message>
    <message>
        <source>End…</source>
        <translation>Ende…</translation>
    </message>
    <message>
        <source>End the meeting and see the summary</source>
        <translation>Besprechung beenden und Zusammenfassung sehen</translation>
    </message>
    <message>
        <source>Ask partner</source>
        <translation>Partner bitten</translation>
    </message>
    <message>
        <source>Moment flagged · {step}</source>
        <translation>Moment markiert · {step}</translation>
    </message>
    <message>
        <source>Sent to your partner: {request}</source>
        <translation>An Ihren Partner gesendet: {request}</translation>
    </message>
    <message>
        <source>No partner is connected to see it</source>
        <translation>Kein Partner verbunden, der es sieht</translation>
    </message>
    <message>
        <source>Ask your partner to step in</source>
        <translation>Ihren Partner bitten einzuspringen</translation>
    </message>
    <message>
        <source>Ask your partner to step in · {keys} from any window</source>
        <translation>Ihren Partner bitten einzuspringen · {keys} aus jedem Fenster</translation>
    </message>
    <message>
        <source>Step {n} of {count}</source>
        <translation>Schritt {n} von {count}</translation>
    </message>
    <message>
        <source>Step {n} of {count}: {title}</source>
        <translation>Schritt {n} von {count}: {title}</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Letzter Schritt</translation>
    </message>
    <message>
        <source>↺  {when}? Back to “{step}” · Ctrl+B</source>
        <translation>↺  {when}? Zurück zu „{step}“ · Strg+B</translation>
    </message>
    <message>
        <source>{when}? Go back to “{step}” (Ctrl+B)</source>
        <translation>{when}? Zurück zu „{step}“ (Strg+B)</translation>
    </message>
    <message>
        <source>Follow up {date} · Ctrl+U</source>
        <translation>Wiedervorlage {date} · Strg+U</translation>
    </message>
</context>
<context>
    <name>MeetingFlow</name>
    <message>
        <source>{problem}

This meeting goes on: {kept} When it ends they are also written to a file in Poise&apos;s data folder.</source>
        <translation>{problem}

Die Besprechung läuft weiter: {kept} Am Ende wird alles auch in eine Datei in Poises Datenordner geschrieben.</translation>
    </message>
    <message>
        <source>With {client} so far:</source>
        <translation>Mit {client} bisher:</translation>
    </message>
    <message>
        <source>Poise is still opening your notes database. {kept} They are saved in the database as soon as it opens.</source>
        <translation>Poise öffnet noch Ihre Notizdatenbank. {kept} Sobald sie offen ist, wird alles dort gespeichert.</translation>
    </message>
    <message>
        <source>{problem}

The meeting goes on: {kept} Poise tries the database again.</source>
        <translation>{problem}

Die Besprechung läuft weiter: {kept} Poise versucht es erneut mit der Datenbank.</translation>
    </message>
    <message>
        <source>Could not read the meeting to export it: {problem}</source>
        <translation>Die Besprechung konnte für den Export nicht gelesen werden: {problem}</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Meeting notes</source>
        <translation>Notizen zur Besprechung</translation>
    </message>
    <message>
        <source>Quick line</source>
        <translation>Schnellzeile</translation>
    </message>
    <message>
        <source>Quick line · Enter stamps it with the meeting time</source>
        <translation>Schnellzeile · Enter versieht sie mit der Uhrzeit</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>fällig {date}</translation>
    </message>
    <message numerus="yes">
        <source>%n action items. Last: {item}</source>
        <translation>
            <numerusform>%n Aufgabe. Zuletzt: {item}</numerusform>
            <numerusform>%n Aufgaben. Zuletzt: {item}</numerusform>
        </translation>
    </message>
    <message>
        <source>Action item: {item}</source>
        <translation>Aufgabe: {item}</translation>
    </message>
</context>
<context>
    <name>PartnerNotedCount</name>
    <message>
        <source>Read what your partner noted ({key})</source>
        <translation>Lesen, was Ihr Partner notiert hat ({key})</translation>
    </message>
    <message numerus="yes">
        <source>Noted: %n</source>
        <translation>
            <numerusform>Notiert: %n</numerusform>
            <numerusform>Notiert: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your partner noted %n things</source>
        <translation>
            <numerusform>Ihr Partner hat %n Beobachtung notiert</numerusform>
            <numerusform>Ihr Partner hat %n Beobachtungen notiert</numerusform>
        </translation>
    </message>
    <message>
        <source>What your partner noted…</source>
        <translation>Was Ihr Partner notiert hat…</translation>
    </message>
</context>
<context>
    <name>PartnerNotesPopup</name>
    <message>
        <source>What your partner noted</source>
        <translation>Was Ihr Partner notiert hat</translation>
    </message>
    <message>
        <source>Nothing noted yet.</source>
        <translation>Noch nichts notiert.</translation>
    </message>
    <message>
        <source>{time} · {step}
{noted}</source>
        <translation>{time} · {step}
{noted}</translation>
    </message>
</context>
<context>
    <name>PartnerStatus</name>
    <message>
        <source>Partner connected</source>
        <translation>Partner da</translation>
    </message>
    <message numerus="yes">
        <source>%n partners connected</source>
        <translation>
            <numerusform>%n Partner da</numerusform>
            <numerusform>%n Partner da</numerusform>
        </translation>
    </message>
    <message>
        <source>{status}: your partner&apos;s page is open, they can send you cues</source>
        <translation>{status}: Die Seite Ihres Partners ist offen, er kann Ihnen Signale senden</translation>
    </message>
    <message>
        <source>Partner…</source>
        <translation>Partner…</translation>
    </message>
</context>
<context>
    <name>PartnerSummary</name>
    <message>
        <source>YOUR PARTNER NOTICED</source>
        <translation>IHR PARTNER HAT BEMERKT</translation>
    </message>
    <message>
        <source>YOUR PARTNER’S DEBRIEF</source>
        <translation>NACHGESPRÄCH IHRES PARTNERS</translation>
    </message>
    <message>
        <source>Your partner’s words are saved.</source>
        <translation>Die Worte Ihres Partners sind gespeichert.</translation>
    </message>
    <message>
        <source>Your partner’s words are kept on disk and will be saved when the database is back.</source>
        <translation>Die Worte Ihres Partners sind auf der Festplatte aufbewahrt und werden gespeichert, sobald die Datenbank wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>Your partner’s words are not saved yet and cannot be kept on disk either: keep this window open until the database is back.</source>
        <translation>Die Worte Ihres Partners sind noch nicht gespeichert und können auch nicht auf der Festplatte aufbewahrt werden: Lassen Sie dieses Fenster offen, bis die Datenbank wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>{time}  {words}</source>
        <translation>{time}  {words}</translation>
    </message>
</context>
<context>
    <name>PauseCountdown</name>
    <message numerus="yes">
        <source>Breathe for %n seconds before you answer</source>
        <translation>
            <numerusform>Atmen Sie %n Sekunde durch, bevor Sie antworten</numerusform>
            <numerusform>Atmen Sie %n Sekunden durch, bevor Sie antworten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemLine</name>
    <message>
        <source>Poise cannot write to your notes database right now. What you type is kept.</source>
        <translation>Poise kann gerade nicht in Ihre Notizdatenbank schreiben. Was Sie tippen, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>SteeringKeys</name>
    <message>
        <source>✎ Typing · Esc leaves the note</source>
        <translation>✎ Schreiben · Esc verlässt die Notiz</translation>
    </message>
    <message>
        <source>Not typing · ← → Space: steps · type to write</source>
        <translation>Steuern · ← → Leertaste: Schritte · tippen: Notiz</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <source>SAY</source>
        <translation>SAGEN</translation>
    </message>
    <message>
        <source>AVOID</source>
        <translation>VERMEIDEN</translation>
    </message>
    <message>
        <source>… {key}: the whole step</source>
        <translation>… {key}: der ganze Schritt</translation>
    </message>
    <message>
        <source>Current step: {title}</source>
        <translation>Aktueller Schritt: {title}</translation>
    </message>
    <message>
        <source>“{line}”</source>
        <translation>„{line}“</translation>
    </message>
    <message>
        <source>Next ›  {step}</source>
        <translation>Weiter ›  {step}</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Letzter Schritt</translation>
    </message>
</context>
<context>
    <name>StepColumn</name>
    <message>
        <source>Notes hidden to show the whole step · &lt;a href=&apos;notes&apos;&gt;Back to the notes&lt;/a&gt; (Esc)</source>
        <translation>Notizen ausgeblendet für den ganzen Schritt · &lt;a href=&apos;notes&apos;&gt;Zurück zu den Notizen&lt;/a&gt; (Esc)</translation>
    </message>
</context>
<context>
    <name>SummaryWindow</name>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>Summary · {client} · {app}</source>
        <translation>Zusammenfassung · {client} · {app}</translation>
    </message>
    <message>
        <source>Summary · {app}</source>
        <translation>Zusammenfassung · {app}</translation>
    </message>
    <message>
        <source>Meeting ended</source>
        <translation>Besprechung beendet</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>{count} · {acknowledged} acknowledged</source>
        <translation>{count} · {acknowledged} bestätigt</translation>
    </message>
    <message>
        <source>{count} · {acknowledged} acknowledged, in {time} on average</source>
        <translation>{count} · {acknowledged} bestätigt, im Schnitt nach {time}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>Signale</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>STEPS</source>
        <translation>SCHRITTE</translation>
    </message>
    <message>
        <source>CUES</source>
        <translation>SIGNALE</translation>
    </message>
    <message>
        <source>acknowledged in {time}</source>
        <translation>bestätigt nach {time}</translation>
    </message>
    <message>
        <source>faded unacknowledged</source>
        <translation>unbestätigt verblasst</translation>
    </message>
    <message>
        <source>{time}  {cue} · from {source}</source>
        <translation>{time}  {cue} · von {source}</translation>
    </message>
    <message>
        <source>ACTION ITEMS</source>
        <translation>AUFGABEN</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>fällig {date}</translation>
    </message>
    <message>
        <source>None noted</source>
        <translation>Keine notiert</translation>
    </message>
    <message>
        <source>NEXT</source>
        <translation>ALS NÄCHSTES</translation>
    </message>
    <message>
        <source>Open in review</source>
        <translation>Im Rückblick öffnen</translation>
    </message>
    <message>
        <source>Opens once Poise has opened your notes</source>
        <translation>Öffnet, sobald Poise Ihre Notizen geöffnet hat</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Recap draft…</source>
        <translation>Nachbericht-Entwurf…</translation>
    </message>
    <message>
        <source>A recap message for the client, to edit and send yourself</source>
        <translation>Ein Nachbericht für den Kunden, zum Bearbeiten und selbst Senden</translation>
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
        <source>This meeting was deleted</source>
        <translation>Diese Besprechung wurde gelöscht</translation>
    </message>
    <message>
        <source>This meeting was deleted in the review: it is no longer in Poise.</source>
        <translation>Diese Besprechung wurde im Rückblick gelöscht: Sie ist nicht mehr in Poise.</translation>
    </message>
    <message>
        <source>Export this meeting as it is stored</source>
        <translation>Diese Besprechung so exportieren, wie sie gespeichert ist</translation>
    </message>
    <message>
        <source>Exports open once the meeting is in your notes database</source>
        <translation>Exporte gehen, sobald die Besprechung in Ihrer Notizdatenbank ist</translation>
    </message>
    <message>
        <source>Export meeting</source>
        <translation>Besprechung exportieren</translation>
    </message>
    <message>
        <source>YOUR NOTES</source>
        <translation>IHRE NOTIZEN</translation>
    </message>
    <message numerus="yes">
        <source>… %n more lines</source>
        <translation>
            <numerusform>… %n weitere Zeile</numerusform>
            <numerusform>… %n weitere Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>STAMPED LINES AND FLAGS</source>
        <translation>SCHNELLZEILEN UND MARKIERUNGEN</translation>
    </message>
    <message>
        <source>STAMPED LINES</source>
        <translation>SCHNELLZEILEN</translation>
    </message>
    <message>
        <source>⚑ Flagged moment</source>
        <translation>⚑ Markierter Moment</translation>
    </message>
    <message>
        <source>REQUESTS TO YOUR PARTNER</source>
        <translation>BITTEN AN IHREN PARTNER</translation>
    </message>
    <message>
        <source>{answer}, after {time}</source>
        <translation>{answer}, nach {time}</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>See the whole meeting, notes and timeline</source>
        <translation>Die ganze Besprechung sehen, Notizen und Zeitleiste</translation>
    </message>
    <message>
        <source>This meeting is not in your notes database</source>
        <translation>Diese Besprechung ist nicht in Ihrer Notizdatenbank</translation>
    </message>
    <message>
        <source>Poise could not write this meeting anywhere. Copy what you need from this summary before closing it.</source>
        <translation>Poise konnte diese Besprechung nirgends speichern. Kopieren Sie, was Sie brauchen, bevor Sie diese Zusammenfassung schließen.</translation>
    </message>
    <message>
        <source>Your notes database could not be opened. This meeting is saved in {path}</source>
        <translation>Ihre Notizdatenbank ließ sich nicht öffnen. Diese Besprechung ist gespeichert in {path}</translation>
    </message>
    <message>
        <source>{seen} of {total} visited</source>
        <translation>{seen} von {total} besucht</translation>
    </message>
    <message numerus="yes">
        <source>{seen} of {total} visited, %n loop-backs</source>
        <translation>
            <numerusform>{seen} von {total} besucht, %n Rücksprung</numerusform>
            <numerusform>{seen} von {total} besucht, %n Rücksprünge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowPlaceLine</name>
    <message>
        <source>On Wayland, Poise cannot keep this window on top or dock it.</source>
        <translation>Unter Wayland kann Poise dieses Fenster weder im Vordergrund halten noch andocken.</translation>
    </message>
    <message>
        <source>Or: Settings › General › Run through XWayland, at the next start.</source>
        <translation>Oder: Einstellungen › Allgemein › Über XWayland starten, ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
</TS>
