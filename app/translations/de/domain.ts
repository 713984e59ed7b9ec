<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>BriefProblems</name>
    <message numerus="yes">
        <source>The partner&apos;s role is longer than %n characters.</source>
        <translation>
            <numerusform>Die Rolle des Partners ist länger als %n Zeichen.</numerusform>
            <numerusform>Die Rolle des Partners ist länger als %n Zeichen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n warning signs can be given.</source>
        <translation>
            <numerusform>Höchstens %n Warnzeichen sind möglich.</numerusform>
            <numerusform>Höchstens %n Warnzeichen sind möglich.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A warning sign is empty or longer than %n characters.</source>
        <translation>
            <numerusform>Ein Warnzeichen ist leer oder länger als %n Zeichen.</numerusform>
            <numerusform>Ein Warnzeichen ist leer oder länger als %n Zeichen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A cue&apos;s meaning is longer than %n characters.</source>
        <translation>
            <numerusform>Die Bedeutung eines Signals ist länger als %n Zeichen.</numerusform>
            <numerusform>Die Bedeutung eines Signals ist länger als %n Zeichen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueDateWords</name>
    <message>
        <source>&apos;{typed}&apos; is too far from today: pick a date between {first} and {last}</source>
        <translation>&apos;{typed}&apos; liegt zu weit von heute entfernt: Wählen Sie ein Datum zwischen {first} und {last}</translation>
    </message>
    <message>
        <source>&apos;{typed}&apos; is not a date: try +3, 2w, fri, tomorrow or 2025-03-14</source>
        <translation>&apos;{typed}&apos; ist kein Datum: Versuchen Sie +3, 2w, fr, morgen oder 14.03.2025</translation>
    </message>
</context>
<context>
    <name>HotkeyAction</name>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Vorheriger Schritt</translation>
    </message>
    <message>
        <source>Acknowledge cue</source>
        <translation>Signal bestätigen</translation>
    </message>
    <message>
        <source>Flag this moment</source>
        <translation>Diesen Moment markieren</translation>
    </message>
    <message>
        <source>Hide / show all Poise windows</source>
        <translation>Alle Poise-Fenster aus-/einblenden</translation>
    </message>
    <message>
        <source>Ask partner to step in</source>
        <translation>Partner um Eingreifen bitten</translation>
    </message>
</context>
<context>
    <name>Hotkeys</name>
    <message>
        <source>&apos;{text}&apos; is not a key combination</source>
        <translation>&apos;{text}&apos; ist keine Tastenkombination</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a modifier (use Ctrl, Alt, Shift or Meta)</source>
        <translation>&apos;{name}&apos; ist keine Zusatztaste (nehmen Sie Ctrl, Alt, Shift oder Meta)</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; repeats a modifier</source>
        <translation>&apos;{text}&apos; enthält eine Zusatztaste doppelt</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; has no key besides its modifiers</source>
        <translation>&apos;{text}&apos; hat keine Taste außer den Zusatztasten</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not a key Poise can listen for</source>
        <translation>Auf &apos;{key}&apos; kann Poise nicht hören</translation>
    </message>
    <message>
        <source>{keys} is set for both &apos;{first}&apos; and &apos;{second}&apos;</source>
        <translation>{keys} ist sowohl für &apos;{first}&apos; als auch für &apos;{second}&apos; eingestellt</translation>
    </message>
</context>
<context>
    <name>MeetingTerms</name>
    <message>
        <source>What they say</source>
        <translation>Was der Kunde sagt</translation>
    </message>
    <message>
        <source>What they are not saying</source>
        <translation>Was er nicht sagt</translation>
    </message>
    <message>
        <source>The real concern</source>
        <translation>Das eigentliche Anliegen</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Zusagen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Their words, as close as you can</source>
        <translation>Seine Worte, so genau wie möglich</translation>
    </message>
    <message>
        <source>Subtext, body language, what they avoid</source>
        <translation>Zwischentöne, Körpersprache, was er meidet</translation>
    </message>
    <message>
        <source>What is really driving this</source>
        <translation>Was wirklich dahintersteckt</translation>
    </message>
    <message>
        <source>What each side agreed to do</source>
        <translation>Was jede Seite zugesagt hat</translation>
    </message>
    <message>
        <source>Anything else</source>
        <translation>Alles andere</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Vor Ort</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Videokonferenz</translation>
    </message>
    <message>
        <source>this window</source>
        <translation>diesem Fenster</translation>
    </message>
    <message>
        <source>hotkey</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>partner&apos;s phone</source>
        <translation>dem Telefon des Partners</translation>
    </message>
    <message>
        <source>partner&apos;s Poise</source>
        <translation>dem Poise des Partners</translation>
    </message>
</context>
<context>
    <name>PartnerRequest</name>
    <message>
        <source>Step in</source>
        <translation>Einspringen</translation>
    </message>
    <message>
        <source>Please take over for a moment</source>
        <translation>Bitte übernehmen Sie kurz</translation>
    </message>
    <message>
        <source>OK, stepping in</source>
        <translation>OK, ich springe ein</translation>
    </message>
    <message>
        <source>Acknowledged — they know you&apos;re stepping in</source>
        <translation>Bestätigt — man weiß, dass Sie einspringen</translation>
    </message>
    <message>
        <source>You asked your partner to step in</source>
        <translation>Sie haben Ihren Partner gebeten einzuspringen</translation>
    </message>
    <message>
        <source>Your partner is stepping in</source>
        <translation>Ihr Partner springt ein</translation>
    </message>
    <message>
        <source>Partner is stepping in</source>
        <translation>Partner springt ein</translation>
    </message>
    <message>
        <source>I need a moment</source>
        <translation>Ich brauche einen Moment</translation>
    </message>
    <message>
        <source>Keep things going while I collect myself</source>
        <translation>Halten Sie das Gespräch in Gang, während ich mich sammle</translation>
    </message>
    <message>
        <source>OK, I&apos;ve got it</source>
        <translation>OK, ich übernehme</translation>
    </message>
    <message>
        <source>Acknowledged — they know you got it</source>
        <translation>Bestätigt — man weiß, dass Sie übernehmen</translation>
    </message>
    <message>
        <source>You asked your partner for a moment</source>
        <translation>Sie haben Ihren Partner um einen Moment gebeten</translation>
    </message>
    <message>
        <source>Your partner is covering for you</source>
        <translation>Ihr Partner übernimmt für Sie</translation>
    </message>
    <message>
        <source>Partner is covering for you</source>
        <translation>Partner übernimmt für Sie</translation>
    </message>
    <message>
        <source>Your partner got it</source>
        <translation>Ihr Partner hat verstanden</translation>
    </message>
</context>
<context>
    <name>PartnerWatch</name>
    <message>
        <source>Interrupting the client</source>
        <translation>Den Kunden unterbrechen</translation>
    </message>
    <message>
        <source>Saying “yes, but”</source>
        <translation>„Ja, aber“ sagen</translation>
    </message>
    <message>
        <source>Over-explaining</source>
        <translation>Zu viel erklären</translation>
    </message>
    <message>
        <source>Promising a date</source>
        <translation>Einen Termin versprechen</translation>
    </message>
    <message>
        <source>A raised voice</source>
        <translation>Lauter werden</translation>
    </message>
    <message>
        <source>They repeated a complaint</source>
        <translation>Beschwerde wiederholt</translation>
    </message>
    <message>
        <source>Body language closed</source>
        <translation>Körpersprache verschlossen</translation>
    </message>
    <message>
        <source>A real driver?</source>
        <translation>Ein echter Beweggrund?</translation>
    </message>
    <message>
        <source>You tensed up</source>
        <translation>Sie wirkten angespannt</translation>
    </message>
    <message>
        <source>When did they tense up?</source>
        <translation>Wann wirkte die Person angespannt?</translation>
    </message>
    <message>
        <source>Did the signal reach them in time?</source>
        <translation>Kam das Signal rechtzeitig an?</translation>
    </message>
    <message>
        <source>What should you watch for next time?</source>
        <translation>Worauf sollten Sie beim nächsten Mal achten?</translation>
    </message>
</context>
</TS>
