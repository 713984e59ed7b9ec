<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ExpiredLink</name>
    <message>
        <source>en</source>
        <comment>the page&apos;s language code</comment>
        <translation>de</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>This link has expired</source>
        <translation>Dieser Link ist abgelaufen</translation>
    </message>
</context>
<context>
    <name>LanAddress</name>
    <message>
        <source>Every network (Wi-Fi, Ethernet, VPN)</source>
        <translation>Jedes Netzwerk (WLAN, Ethernet, VPN)</translation>
    </message>
    <message>
        <source>{network} only · {address}</source>
        <translation>Nur {network} · {address}</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Nur dieser Computer</translation>
    </message>
    <message>
        <source>{address} (not on this computer now)</source>
        <translation>{address} (derzeit nicht auf diesem Computer)</translation>
    </message>
</context>
<context>
    <name>PairingAddress</name>
    <message>
        <source>this is not a web address</source>
        <translation>das ist keine Webadresse</translation>
    </message>
    <message>
        <source>a pairing address looks like {example}</source>
        <translation>eine Kopplungsadresse sieht so aus: {example}</translation>
    </message>
    <message>
        <source>the address is incomplete: copy it again from the user&apos;s Poise</source>
        <translation>die Adresse ist unvollständig: Kopieren Sie sie erneut aus dem Poise der Person</translation>
    </message>
</context>
<context>
    <name>PairingKey</name>
    <message>
        <source>the pairing key is incomplete: copy the whole link again</source>
        <translation>der Kopplungsschlüssel ist unvollständig: Kopieren Sie den ganzen Link erneut</translation>
    </message>
    <message>
        <source>the pairing key has characters a link never has</source>
        <translation>der Kopplungsschlüssel enthält Zeichen, die ein Link nie hat</translation>
    </message>
</context>
<context>
    <name>PairingLink</name>
    <message>
        <source>give the partner a name, so you know whom to revoke later</source>
        <translation>Geben Sie dem Partner einen Namen, damit Sie später wissen, wen Sie widerrufen</translation>
    </message>
    <message>
        <source>a partner&apos;s name has at most {limit} characters</source>
        <translation>der Name eines Partners hat höchstens {limit} Zeichen</translation>
    </message>
    <message>
        <source>at most {limit} partners: revoke one first</source>
        <translation>höchstens {limit} Partner: Widerrufen Sie zuerst einen</translation>
    </message>
    <message>
        <source>the link has no pairing key: copy it again from the user&apos;s Poise</source>
        <translation>der Link hat keinen Kopplungsschlüssel: Kopieren Sie ihn erneut aus dem Poise der Person</translation>
    </message>
    <message>
        <source>the link names no relay: it should start with {start}</source>
        <translation>der Link nennt kein Relay: Er sollte mit {start} beginnen</translation>
    </message>
    <message>
        <source>the link&apos;s relay pass is incomplete: copy the whole link again</source>
        <translation>der Relay-Zugang im Link ist unvollständig: Kopieren Sie den ganzen Link erneut</translation>
    </message>
</context>
<context>
    <name>PartnerLink</name>
    <message>
        <source>Phone</source>
        <translation>Handy</translation>
    </message>
    <message>
        <source>Poise on a laptop</source>
        <translation>Poise auf einem Laptop</translation>
    </message>
    <message>
        <source>this meeting has ended; its partner link cannot start again</source>
        <translation>diese Besprechung ist beendet; ihre Partner-Verbindung kann nicht neu starten</translation>
    </message>
    <message>
        <source>not an IP address to listen on: {address!r}</source>
        <translation>keine IP-Adresse, an der Poise Verbindungen annehmen kann: {address!r}</translation>
    </message>
    <message>
        <source>cannot listen on {address}: {reason}</source>
        <translation>kann auf {address} keine Verbindungen annehmen: {reason}</translation>
    </message>
    <message>
        <source>the partner link is off</source>
        <translation>die Partner-Verbindung ist aus</translation>
    </message>
    <message>
        <source>the partner page is missing from this installation: {missing}</source>
        <translation>die Partnerseite fehlt in dieser Installation: {missing}</translation>
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
    <name>RelayAddress</name>
    <message>
        <source>a relay address looks like {example}</source>
        <translation>eine Relay-Adresse sieht so aus: {example}</translation>
    </message>
    <message>
        <source>the relay address has a port that is not a number</source>
        <translation>die Relay-Adresse hat einen Port, der keine Zahl ist</translation>
    </message>
</context>
</TS>
