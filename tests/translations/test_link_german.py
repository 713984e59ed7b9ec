"""What the partner link says to a person, in German: a pasted address, a pairing, the relay
address, the link that cannot start, and the page an ended meeting's address answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.signal_protocol import ClientKind
from app.link.client import PairingUrlError, parse_pairing_url
from app.link.lan_requests import expired_page
from app.link.mqtt_link import RelayError, parse_broker_url
from app.link.pairing import PairingBook, PairingError, parse_relay_link
from app.link.relay_crypto import PairingSecretError, decode_secret
from app.link.server import PartnerInfo


def test_a_wrong_pairing_address_is_named_in_german(german: None) -> None:
    with pytest.raises(PairingUrlError, match="das ist keine Webadresse"):
        parse_pairing_url("http://[::1")
    with pytest.raises(PairingUrlError, match="eine Kopplungsadresse sieht so aus: http://"):
        parse_pairing_url("ftp://example.org/")
    with pytest.raises(PairingUrlError, match="die Adresse ist unvollständig"):
        parse_pairing_url("http://192.168.1.20:40123/x")


def test_pairing_and_the_relay_speak_german(german: None, tmp_path: Path) -> None:
    store = PairingBook(tmp_path / "partners.json")
    with pytest.raises(PairingError, match="Geben Sie dem Partner einen Namen"):
        store.pair("   ")
    with pytest.raises(PairingError, match="der Link hat keinen Kopplungsschlüssel"):
        parse_relay_link("https://relay.example.org/#x=1")
    with pytest.raises(PairingSecretError, match="der Kopplungsschlüssel ist unvollständig"):
        decode_secret("abc")
    with pytest.raises(RelayError, match="eine Relay-Adresse sieht so aus: wss://"):
        parse_broker_url("relay.example.org")


def test_the_expired_page_is_german(german: None) -> None:
    page = expired_page().decode("utf-8")
    assert "<p>Dieser Link ist abgelaufen</p>" in page
    assert "<html lang=de>" in page
    assert "expired" not in page


def test_who_is_connected_reads_in_german(german: None) -> None:
    laptop = PartnerInfo(ClientKind.PARTNER_APP, "192.168.1.20")
    assert laptop.description == "Poise auf einem Laptop · 192.168.1.20"
    assert PartnerInfo(ClientKind.PHONE, "192.168.1.21").description.startswith("Handy · ")
