<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>PairedPartnersPage</name>
    <message>
        <source>given by your relay&apos;s administrator</source>
        <translation>von der Administration Ihres Relays vergeben</translation>
    </message>
    <message>
        <source>Relay account</source>
        <translation>Relay-Konto</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>{name} is not paired: {problem}</source>
        <translation>{name} ist nicht gekoppelt: {problem}</translation>
    </message>
    <message>
        <source>No link for {name} now: {problem}</source>
        <translation>Gerade kein Link für {name}: {problem}</translation>
    </message>
    <message>
        <source>The relay still admits {name} until it can be reached again: {problem}</source>
        <translation>Das Relay lässt {name} noch zu, bis es wieder erreichbar ist: {problem}</translation>
    </message>
    <message>
        <source>a revoked partner</source>
        <translation>einen entfernten Partner</translation>
    </message>
    <message>
        <source>Asking the team relay for {name}&apos;s pass…</source>
        <translation>Zugang für {name} wird beim Team-Relay angefragt …</translation>
    </message>
</context>
<context>
    <name>PairingLink</name>
    <message>
        <source>the link&apos;s relay pass is incomplete: copy the whole link again</source>
        <translation>der Relay-Zugang im Link ist unvollständig: Kopieren Sie den ganzen Link erneut</translation>
    </message>
</context>
<context>
    <name>RelayAccount</name>
    <message>
        <source>the team relay did not answer: check its address, or ask its administrator</source>
        <translation>das Team-Relay antwortet nicht: Prüfen Sie die Adresse oder fragen Sie die Administration</translation>
    </message>
    <message>
        <source>the team relay refused your relay account: check its name and password</source>
        <translation>das Team-Relay hat Ihr Relay-Konto abgelehnt: Prüfen Sie Name und Passwort</translation>
    </message>
    <message>
        <source>the team relay said: {said}</source>
        <translation>das Team-Relay meldet: {said}</translation>
    </message>
    <message>
        <source>the team relay&apos;s answer had no partner pass</source>
        <translation>die Antwort des Team-Relays enthielt keinen Partner-Zugang</translation>
    </message>
</context>
<context>
    <name>RelayStatusLine</name>
    <message>
        <source>The team relay refused your relay account — check it in Settings, Partners; the LAN link still works</source>
        <translation>Das Team-Relay hat Ihr Relay-Konto abgelehnt – prüfen Sie es unter Einstellungen, Partner; die Verbindung im lokalen Netz funktioniert weiter</translation>
    </message>
</context>
</TS>
