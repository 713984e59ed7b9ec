<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
</TS>
