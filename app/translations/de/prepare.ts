<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>CueRow</name>
    <message>
        <source>Calm down</source>
        <translation>Ruhig bleiben</translation>
    </message>
    <message>
        <source>Stop talking, listen</source>
        <translation>Aufhören, zuhören</translation>
    </message>
    <message>
        <source>Stop talking. Let them finish.</source>
        <translation>Nicht reden. Ausreden lassen.</translation>
    </message>
    <message>
        <source>Time to wrap up</source>
        <translation>Zeit zum Abschluss</translation>
    </message>
    <message>
        <source>Time to wrap up: agree the next step.</source>
        <translation>Zeit zum Abschluss: den nächsten Schritt vereinbaren.</translation>
    </message>
    <message>
        <source>Soft edge glow</source>
        <translation>Sanftes Leuchten am Rand</translation>
    </message>
    <message>
        <source>Calm band only</source>
        <translation>Nur ruhiges Band</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Breathe. Listen. Don&apos;t defend.</source>
        <translation>Atmen. Zuhören. Nicht verteidigen.</translation>
    </message>
    <message>
        <source>Name, e.g. Calm down</source>
        <translation>Name, z. B. Ruhig bleiben</translation>
    </message>
    <message>
        <source>Cue name</source>
        <translation>Name des Signals</translation>
    </message>
    <message>
        <source>Words the cue shows</source>
        <translation>Worte, die das Signal zeigt</translation>
    </message>
    <message>
        <source>Cue words</source>
        <translation>Worte des Signals</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>DiscardQuestion</name>
    <message>
        <source>Discard?</source>
        <translation>Verwerfen?</translation>
    </message>
    <message>
        <source>What you typed is not kept anywhere else.</source>
        <translation>Was Sie eingegeben haben, ist nirgends sonst gespeichert.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>PartnerBriefEditor</name>
    <message>
        <source>Keep me calm: watch for my warning signs and send a cue when you see one.</source>
        <translation>Halten Sie mich ruhig: Achten Sie auf meine Warnzeichen und senden Sie ein Signal, wenn Sie eines sehen.</translation>
    </message>
    <message>
        <source>WHAT YOUR PARTNER WATCHES FOR</source>
        <translation>WORAUF IHR PARTNER ACHTET</translation>
    </message>
    <message>
        <source>Your partner&apos;s role</source>
        <translation>Die Rolle Ihres Partners</translation>
    </message>
    <message>
        <source>Your warning signs, for your partner to spot:</source>
        <translation>Ihre Warnzeichen, auf die Ihr Partner achtet:</translation>
    </message>
    <message>
        <source>Your own, separated by commas</source>
        <translation>Eigene, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Your own warning signs</source>
        <translation>Ihre eigenen Warnzeichen</translation>
    </message>
    <message>
        <source>Their role</source>
        <translation>Rolle</translation>
    </message>
</context>
<context>
    <name>PartnerHistoryLines</name>
    <message>
        <source>Last time {partner} noticed: {noticed}</source>
        <translation>Beim letzten Mal bemerkte {partner}: {noticed}</translation>
    </message>
    <message>
        <source>{what} ({times}×)</source>
        <translation>{what} ({times}×)</translation>
    </message>
    <message>
        <source>Seen most often: {most}</source>
        <translation>Am häufigsten bemerkt: {most}</translation>
    </message>
</context>
<context>
    <name>PrepareDialog</name>
    <message>
        <source>New meeting</source>
        <translation>Neue Besprechung</translation>
    </message>
    <message>
        <source>Pick or type a new client</source>
        <translation>Kunden wählen oder neu eingeben</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>e.g. Missed launch date</source>
        <translation>z. B. Verpasster Starttermin</translation>
    </message>
    <message>
        <source>Who keeps you calm</source>
        <translation>Wer Ihnen den Rücken stärkt</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>Leitfaden</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>AGREED CUES</source>
        <translation>VEREINBARTE SIGNALE</translation>
    </message>
    <message>
        <source>What your partner can send you. You see the words; nobody else does. Up to three.</source>
        <translation>Was Ihr Partner Ihnen senden kann. Nur Sie sehen die Worte. Bis zu drei.</translation>
    </message>
    <message>
        <source>+ Add a cue</source>
        <translation>+ Signal hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Next: before you start</source>
        <translation>Weiter: vor dem Start</translation>
    </message>
    <message>
        <source>Discard this meeting&apos;s details?</source>
        <translation>Die Angaben zu dieser Besprechung verwerfen?</translation>
    </message>
    <message>
        <source>No playbook available.</source>
        <translation>Kein Leitfaden verfügbar.</translation>
    </message>
    <message>
        <source>Name the client.</source>
        <translation>Nennen Sie den Kunden.</translation>
    </message>
    <message>
        <source>Pick a playbook.</source>
        <translation>Wählen Sie einen Leitfaden.</translation>
    </message>
    <message>
        <source>Every cue needs the words it shows (or remove it).</source>
        <translation>Jedes Signal braucht die Worte, die es zeigt (oder entfernen Sie es).</translation>
    </message>
    <message>
        <source>Agree at least one cue with your partner.</source>
        <translation>Vereinbaren Sie mindestens ein Signal mit Ihrem Partner.</translation>
    </message>
    <message>
        <source>Meeting with {client}</source>
        <translation>Besprechung mit {client}</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Vor dem Start</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Start the meeting</source>
        <translation>Besprechung starten</translation>
    </message>
    <message>
        <source>your partner</source>
        <translation>Ihrem Partner</translation>
    </message>
    <message>
        <source>“{words}”</source>
        <translation>„{words}“</translation>
    </message>
    <message>
        <source>{playbook}. Agreed with {partner}: {cues}{ending} Tick what is done; start whenever you are ready.</source>
        <translation>{playbook}. Vereinbart mit {partner}: {cues}{ending} Haken Sie ab, was erledigt ist; starten Sie, wann Sie bereit sind.</translation>
    </message>
    <message>
        <source>This playbook has no preparation steps.</source>
        <translation>Dieser Leitfaden hat keine Vorbereitungsschritte.</translation>
    </message>
    <message>
        <source>{done} of {total} ready</source>
        <translation>{done} von {total} bereit</translation>
    </message>
</context>
<context>
    <name>_CueMeaningLine</name>
    <message>
        <source>When to send it, e.g. when I interrupt</source>
        <translation>Wann es kommt, z. B. wenn ich unterbreche</translation>
    </message>
    <message>
        <source>This cue</source>
        <translation>Dieses Signal</translation>
    </message>
    <message>
        <source>“{cue}” means</source>
        <translation>„{cue}“ bedeutet</translation>
    </message>
    <message>
        <source>What “{cue}” means</source>
        <translation>Was „{cue}“ bedeutet</translation>
    </message>
</context>
</TS>
