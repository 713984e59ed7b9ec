<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
</TS>
