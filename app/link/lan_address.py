"""Guesses the address a phone on the same Wi-Fi should use to reach this computer.

Only looks at the network interfaces (no packet is sent); prefers private IPv4
ranges on interfaces that are up, so the QR code points at the Wi-Fi address
rather than a VPN or a container bridge when it can tell them apart.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

from app.translation import translate

FALLBACK_ADDRESS = "127.0.0.1"
_VIRTUAL_PREFIXES = ("docker", "br-", "veth", "virbr", "lxc", "tun", "tap", "wg", "zt", "tailscale")


@dataclass(frozen=True, slots=True)
class Candidate:
    interface: str
    address: str


def guess_lan_address() -> str:
    """The most likely LAN IPv4 address of this machine, or 127.0.0.1 when there is none."""
    candidates = []
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if (
            not (
                flags & QNetworkInterface.InterfaceFlag.IsUp
                and flags & QNetworkInterface.InterfaceFlag.IsRunning
            )
            or flags & QNetworkInterface.InterfaceFlag.IsLoopBack
        ):
            continue
        for entry in interface.addressEntries():
            ip = entry.ip()
            if ip.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                candidates.append(Candidate(interface.name(), ip.toString()))
    return pick_lan_address(candidates)


def pick_lan_address(candidates: Iterable[Candidate]) -> str:
    """Best of the given addresses: private on a physical-looking interface first."""
    ranked: list[tuple[int, int, Candidate]] = []
    for order, candidate in enumerate(candidates):
        try:
            address = ipaddress.IPv4Address(candidate.address)
        except ValueError:
            continue
        if address.is_loopback or address.is_link_local or address.is_unspecified:
            continue
        virtual = candidate.interface.lower().startswith(_VIRTUAL_PREFIXES)
        # 192.168/16 is what home and office Wi-Fi hand out most; 10/8 is often a VPN.
        if address in ipaddress.IPv4Network("192.168.0.0/16"):
            score = 0
        elif address in ipaddress.IPv4Network("172.16.0.0/12"):
            score = 1
        elif address in ipaddress.IPv4Network("10.0.0.0/8"):
            score = 2
        else:
            score = 3
        ranked.append((score + (10 if virtual else 0), order, candidate))
    if not ranked:
        return FALLBACK_ADDRESS
    return min(ranked)[2].address


EVERY_NETWORK = "0.0.0.0"
THIS_COMPUTER_ONLY = "127.0.0.1"


@dataclass(frozen=True, slots=True)
class ListenChoice:
    """One address the partner link may listen on, as the user chooses it."""

    address: str
    label: str


def listen_choices(current: str) -> list[ListenChoice]:
    """Every network, each interface's IPv4 address, this computer only; ``current`` included.

    An address that no interface has now (a Wi-Fi that is off) stays in the list, marked,
    so opening the choice never changes the setting by itself.
    """
    choices = [
        ListenChoice(EVERY_NETWORK, translate("LanAddress", "Every network (Wi-Fi, Ethernet, VPN)"))
    ]
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not flags & QNetworkInterface.InterfaceFlag.IsUp or (
            flags & QNetworkInterface.InterfaceFlag.IsLoopBack
        ):
            continue
        for entry in interface.addressEntries():
            ip = entry.ip()
            if ip.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                name = interface.humanReadableName() or interface.name()
                only = translate("LanAddress", "{network} only · {address}")
                choices.append(
                    ListenChoice(ip.toString(), only.format(network=name, address=ip.toString()))
                )
    choices.append(ListenChoice(THIS_COMPUTER_ONLY, translate("LanAddress", "This computer only")))
    if all(choice.address != current for choice in choices):
        absent = translate("LanAddress", "{address} (not on this computer now)")
        choices.append(ListenChoice(current, absent.format(address=current)))
    return choices
