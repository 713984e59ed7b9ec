<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>BriefView</name>
    <message>
        <source>Your brief</source>
        <translation>Ihr Briefing</translation>
    </message>
    <message>
        <source>Changed since last time: marked below.</source>
        <translation>Seit dem letzten Mal geändert: unten markiert.</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Ihre Rolle</translation>
    </message>
    <message>
        <source>Watch for</source>
        <translation>Achten Sie auf</translation>
    </message>
    <message>
        <source>What each cue means</source>
        <translation>Was jedes Signal bedeutet</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Verstanden</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>No longer on the list: {signs}</source>
        <translation>Nicht mehr auf der Liste: {signs}</translation>
    </message>
</context>
<context>
    <name>CopyField</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>DebriefForm</name>
    <message>
        <source>Offline — will send when back</source>
        <translation>Offline — wird gesendet, sobald wieder online</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Angekommen</translation>
    </message>
    <message>
        <source>Not accepted — wait a moment</source>
        <translation>Nicht angenommen — einen Moment warten</translation>
    </message>
    <message>
        <source>Did not get through</source>
        <translation>Nicht angekommen</translation>
    </message>
    <message>
        <source>After the meeting</source>
        <translation>Nach der Besprechung</translation>
    </message>
    <message>
        <source>Your answers go to them alone. Answer what you can.</source>
        <translation>Ihre Antworten erhält nur die Person, die Sie begleiten. Beantworten Sie, was Sie können.</translation>
    </message>
    <message>
        <source>Send answers</source>
        <translation>Antworten senden</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <source>Write at least one answer first.</source>
        <translation>Schreiben Sie zuerst mindestens eine Antwort.</translation>
    </message>
    <message numerus="yes">
        <source>An answer is longer than %n characters: shorten it, then send.</source>
        <translation>
            <numerusform>Eine Antwort ist länger als %n Zeichen: Kürzen Sie sie, dann senden.</numerusform>
            <numerusform>Eine Antwort ist länger als %n Zeichen: Kürzen Sie sie, dann senden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The meeting has ended; these answers did not get through.</source>
        <translation>Die Besprechung ist beendet; diese Antworten sind nicht angekommen.</translation>
    </message>
    <message>
        <source>Not accepted — wait a moment, then try again.</source>
        <translation>Nicht angenommen — einen Moment warten, dann noch einmal senden.</translation>
    </message>
    <message>
        <source>Some answers did not get through. Try again.</source>
        <translation>Einige Antworten sind nicht angekommen. Bitte noch einmal senden.</translation>
    </message>
    <message>
        <source>Thank you. Your answers arrived.</source>
        <translation>Danke. Ihre Antworten sind angekommen.</translation>
    </message>
</context>
<context>
    <name>ObservationPanel</name>
    <message>
        <source>Offline — will send when back</source>
        <translation>Offline — wird gesendet, sobald wieder online</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Noted</source>
        <translation>Notiert</translation>
    </message>
    <message>
        <source>Not accepted — wait a moment</source>
        <translation>Nicht angenommen — einen Moment warten</translation>
    </message>
    <message>
        <source>Did not get through</source>
        <translation>Nicht angekommen</translation>
    </message>
    <message>
        <source>Note quietly</source>
        <translation>Still notieren</translation>
    </message>
    <message>
        <source>Not shown on their screen: kept for their review.</source>
        <translation>Erscheint nicht auf dem Bildschirm: für den Rückblick aufbewahrt.</translation>
    </message>
    <message>
        <source>A few words…</source>
        <translation>Ein paar Worte…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notieren</translation>
    </message>
</context>
<context>
    <name>PairedPartnersPage</name>
    <message>
        <source>The relay address looks like wss://relay.example.org/mqtt</source>
        <translation>Die Relay-Adresse sieht so aus: wss://relay.example.org/mqtt</translation>
    </message>
    <message>
        <source>Pair and Revoke act at once; Cancel does not undo them.</source>
        <translation>Koppeln und Widerrufen wirken sofort; Abbrechen macht sie nicht rückgängig.</translation>
    </message>
    <message>
        <source>dd MMM yyyy, HH:mm</source>
        <comment>date format</comment>
        <translation>dd. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>Team relay</source>
        <translation>Team-Relay</translation>
    </message>
    <message>
        <source>For a partner who cannot reach you over the local network: a phone on mobile data, guest Wi-Fi, a colleague at home. Cues through the relay are sealed; the relay sees neither the words nor who is in the meeting.</source>
        <translation>Für einen Partner, der Sie nicht über das lokale Netz erreicht: ein Handy im Mobilfunk, ein Gäste-WLAN, ein Kollege im Homeoffice. Signale über das Relay sind versiegelt; das Relay sieht weder die Worte noch, wer in der Besprechung ist.</translation>
    </message>
    <message>
        <source>No partner paired yet.</source>
        <translation>Noch kein Partner gekoppelt.</translation>
    </message>
    <message>
        <source>Partner&apos;s name, e.g. Alex</source>
        <translation>Name des Partners, z. B. Alex</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Koppeln</translation>
    </message>
    <message>
        <source>Paired partners</source>
        <translation>Gekoppelte Partner</translation>
    </message>
    <message>
        <source>Team relay: {problem}</source>
        <translation>Team-Relay: {problem}</translation>
    </message>
    <message>
        <source>paired {when}</source>
        <translation>gekoppelt {when}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>last seen {when}</source>
        <translation>zuletzt gesehen {when}</translation>
    </message>
    <message>
        <source>Show link</source>
        <translation>Link zeigen</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>{partner} can no longer send you cues or see your meetings</source>
        <translation>{partner} kann Ihnen dann keine Signale mehr senden und Ihre Besprechungen nicht mehr sehen</translation>
    </message>
    <message>
        <source>Set the team relay&apos;s address first. {hint}</source>
        <translation>Geben Sie zuerst die Adresse des Team-Relays an. {hint}</translation>
    </message>
    <message>
        <source>{partner} scans this with their phone, or opens the link in their Poise (poise partner LINK). Once is enough: they stay paired until you revoke them. {partner} joins the meeting that is live now as soon as they open it.</source>
        <translation>{partner} scannt dies mit dem Handy oder öffnet den Link im eigenen Poise (poise partner LINK). Einmal genügt: Die Kopplung bleibt, bis Sie sie widerrufen. {partner} kommt in die laufende Besprechung, sobald der Link geöffnet ist.</translation>
    </message>
    <message>
        <source>{partner} scans this with their phone, or opens the link in their Poise (poise partner LINK). Once is enough: they stay paired until you revoke them.</source>
        <translation>{partner} scannt dies mit dem Handy oder öffnet den Link im eigenen Poise (poise partner LINK). Einmal genügt: Die Kopplung bleibt, bis Sie sie widerrufen.</translation>
    </message>
    <message>
        <source>End the pairing with {partner}?</source>
        <translation>Die Kopplung mit {partner} beenden?</translation>
    </message>
    <message>
        <source>{partner} can no longer send you cues, and their page says the pairing ended, at once. To pair again you show them a new code.</source>
        <translation>{partner} kann Ihnen sofort keine Signale mehr senden, und die Seite dort meldet das Ende der Kopplung. Zum erneuten Koppeln zeigen Sie einen neuen Code.</translation>
    </message>
    <message>
        <source>Revoke {partner}</source>
        <translation>{partner} widerrufen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
</context>
<context>
    <name>PairingPanel</name>
    <message>
        <source>Partner link</source>
        <translation>Partner-Verbindung</translation>
    </message>
    <message>
        <source>Let a colleague send you a cue from their phone or laptop</source>
        <translation>Ein Kollege kann Ihnen vom Handy oder Laptop ein Signal senden</translation>
    </message>
    <message>
        <source>Pairing address</source>
        <translation>Kopplungsadresse</translation>
    </message>
    <message>
        <source>Copy the address, for `poise partner URL` on a laptop</source>
        <translation>Adresse kopieren, für `poise partner URL` auf einem Laptop</translation>
    </message>
    <message>
        <source>Show the code again</source>
        <translation>Code erneut zeigen</translation>
    </message>
    <message>
        <source>For a second partner; hidden again when one joins</source>
        <translation>Für einen zweiten Partner; verschwindet wieder, sobald einer da ist</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Erreichbar über</translation>
    </message>
    <message>
        <source>Could not turn the link on: {problem}</source>
        <translation>Die Verbindung ließ sich nicht einschalten: {problem}</translation>
    </message>
    <message>
        <source>The meeting has ended; its link is closed.</source>
        <translation>Die Besprechung ist beendet; ihre Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>Connected. The code stays hidden while a partner is here.</source>
        <translation>Verbunden. Der Code bleibt verborgen, solange ein Partner da ist.</translation>
    </message>
    <message>
        <source>Your partner scans this on a phone on the same Wi-Fi. Only people with this code can send you a cue.</source>
        <translation>Ihr Partner scannt dies mit einem Handy im selben WLAN. Nur wer diesen Code hat, kann Ihnen ein Signal senden.</translation>
    </message>
    <message>
        <source>Off — nothing is listening.</source>
        <translation>Aus — nichts ist erreichbar.</translation>
    </message>
    <message>
        <source>Set by {variable}; unset it to choose here</source>
        <translation>Durch {variable} gesetzt; entfernen Sie die Variable, um hier zu wählen</translation>
    </message>
    <message>
        <source>Which network a partner can reach you on; every network is the simplest</source>
        <translation>Über welches Netz ein Partner Sie erreicht; alle Netze ist am einfachsten</translation>
    </message>
</context>
<context>
    <name>PairingWindow</name>
    <message>
        <source>Partner link · {app}</source>
        <translation>Partner-Verbindung · {app}</translation>
    </message>
    <message>
        <source>Hide ({key})</source>
        <translation>Ausblenden ({key})</translation>
    </message>
    <message>
        <source>F6: back to the meeting window</source>
        <translation>F6: zurück zum Besprechungsfenster</translation>
    </message>
    <message>
        <source>The link stays as it is; the same key shows this again</source>
        <translation>Die Verbindung bleibt, wie sie ist; dieselbe Taste zeigt dies wieder</translation>
    </message>
</context>
<context>
    <name>PartnerCountWords</name>
    <message>
        <source>No partner connected</source>
        <translation>Kein Partner verbunden</translation>
    </message>
    <message numerus="yes">
        <source>%n partners connected</source>
        <translation>
            <numerusform>%n Partner verbunden</numerusform>
            <numerusform>%n Partner verbunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartnerWatchViews</name>
    <message>
        <source>&amp;Brief</source>
        <translation>&amp;Briefing</translation>
    </message>
    <message>
        <source>What to watch for, and what each cue means</source>
        <translation>Worauf Sie achten, und was jedes Signal bedeutet</translation>
    </message>
</context>
<context>
    <name>PartnerWindow</name>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation>Offline — verbinde neu…</translation>
    </message>
    <message>
        <source>Meeting ended</source>
        <translation>Besprechung beendet</translation>
    </message>
    <message>
        <source>Paired — waiting for a meeting</source>
        <translation>Gekoppelt — warte auf eine Besprechung</translation>
    </message>
    <message>
        <source>Meeting live</source>
        <translation>Besprechung läuft</translation>
    </message>
    <message>
        <source>This pairing was ended</source>
        <translation>Diese Kopplung wurde beendet</translation>
    </message>
    <message>
        <source>The user ended this pairing. Ask them for a new link if you still need one.</source>
        <translation>Die Kopplung wurde beendet. Bitten Sie um einen neuen Link, falls Sie noch einen brauchen.</translation>
    </message>
    <message>
        <source>Offline — will send when back</source>
        <translation>Offline — wird gesendet, sobald wieder online</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Shown on their screen</source>
        <translation>Auf dem Bildschirm angezeigt</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Faded, not acknowledged</source>
        <translation>Verblasst, nicht bestätigt</translation>
    </message>
    <message>
        <source>Not accepted — wait a moment</source>
        <translation>Nicht angenommen — einen Moment warten</translation>
    </message>
    <message>
        <source>Did not get through</source>
        <translation>Nicht angekommen</translation>
    </message>
    <message>
        <source>Partner · {app}</source>
        <translation>Partner · {app}</translation>
    </message>
    <message>
        <source>Paste the address from the user&apos;s Poise</source>
        <translation>Adresse aus dem Poise Ihres Gegenübers einfügen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>OK, stepping in</source>
        <translation>OK, ich springe ein</translation>
    </message>
    <message>
        <source>Waiting for Poise…</source>
        <translation>Warte auf Poise…</translation>
    </message>
    <message>
        <source>The meeting has ended. You can close this window.</source>
        <translation>Die Besprechung ist beendet. Sie können dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Acknowledged — they know you got it</source>
        <translation>Bestätigt — man weiß, dass es angekommen ist</translation>
    </message>
</context>
<context>
    <name>RelayStatusLine</name>
    <message>
        <source>{partner} via relay</source>
        <translation>{partner} über Relay</translation>
    </message>
    <message>
        <source>{partner} not here yet</source>
        <translation>{partner} noch nicht da</translation>
    </message>
    <message>
        <source>Relay unreachable — distant partners cannot send cues; the LAN link still works</source>
        <translation>Relay nicht erreichbar — entfernte Partner können keine Signale senden; die LAN-Verbindung geht weiter</translation>
    </message>
    <message>
        <source>Partner connected on this network</source>
        <translation>Partner in diesem Netz verbunden</translation>
    </message>
    <message numerus="yes">
        <source>%n partners connected on this network</source>
        <translation>
            <numerusform>%n Partner in diesem Netz verbunden</numerusform>
            <numerusform>%n Partner in diesem Netz verbunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WhereLine</name>
    <message>
        <source>Time since the meeting began</source>
        <translation>Zeit seit Beginn der Besprechung</translation>
    </message>
    <message>
        <source>Step {n} of {of}</source>
        <translation>Schritt {n} von {of}</translation>
    </message>
</context>
</TS>
