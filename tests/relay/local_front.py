"""nginx on 127.0.0.1 from the shipped ``deploy/relay/nginx.conf``, in front of a LocalBroker.

As with the broker, only what a test machine must change is changed: the listening addresses
(free loopback ports, no IPv6), the certificate (a self-signed one made here for
relay.example.org), the partner page's folder and the broker's WebSocket port; the file is
wrapped in the ``events``/``http`` blocks that ``/etc/nginx/nginx.conf`` gives a site. The
limits and the proxying are the shipped lines, so a test of them tests what is shipped.
"""

from __future__ import annotations

import datetime
import os
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

from tests.relay.local_broker import DEPLOY, LocalBroker, free_port

SERVER_NAME = "relay.example.org"


def nginx_program() -> str | None:
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx",) if Path(path).is_file()), None
    )


def _self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, SERVER_NAME)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(SERVER_NAME)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    chain, private = folder / "fullchain.pem", folder / "privkey.pem"
    chain.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    private.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    private.chmod(0o600)
    return chain, private


class LocalFront:
    """One nginx master process in front of ``broker``; ``https_port`` takes the phones."""

    def __init__(self, folder: Path, broker: LocalBroker, *, new_per_minute: int | None = None):
        """``new_per_minute``: replaces the shipped rate of new connections, for a test of the
        open-connections limit that must open more at once than the rate lets through."""
        program = nginx_program()
        if program is None:
            raise FileNotFoundError("nginx is not installed")
        self.program = program
        self.folder = folder
        self.https_port = free_port()
        self.http_port = free_port()
        self.config = folder / "nginx.conf"
        self.error_log = folder / "error.log"
        site = folder / "site"
        site.mkdir(exist_ok=True)
        (site / "index.html").write_text("<!doctype html><title>Poise partner</title>\n")
        chain, private = _self_signed(folder)
        replacements = {
            "listen 443 ssl;": f"listen 127.0.0.1:{self.https_port} ssl;",
            "listen [::]:443 ssl;": "",
            "listen 80;": f"listen 127.0.0.1:{self.http_port};",
            "listen [::]:80;": "",
            f"/etc/letsencrypt/live/{SERVER_NAME}/fullchain.pem": str(chain),
            f"/etc/letsencrypt/live/{SERVER_NAME}/privkey.pem": str(private),
            "root /srv/poise-partner;": f"root {site};",
            "proxy_pass http://127.0.0.1:8083;": f"proxy_pass http://127.0.0.1:{broker.ws_port};",
        }
        if new_per_minute is not None:
            replacements["rate=30r/m"] = f"rate={new_per_minute}r/m"
        shipped = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
        for shipped_text, local_text in replacements.items():
            if shipped_text not in shipped:
                raise AssertionError(f"deploy/relay/nginx.conf no longer has {shipped_text!r}")
            shipped = shipped.replace(shipped_text, local_text)
        temp = "\n".join(
            f"    {kind}_temp_path {folder / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        # Tests run as root: the workers stay root too, the files are in a private folder.
        user = "user root;\n" if sys.platform != "win32" and os.geteuid() == 0 else ""
        self.config.write_text(
            f"{user}pid {folder / 'nginx.pid'};\nerror_log {self.error_log};\n"
            f"events {{}}\nhttp {{\n{temp}\n{shipped}\n}}\n",
            encoding="utf-8",
        )
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, timeout_s: float = 10) -> None:
        command = [self.program, "-p", str(self.folder), "-e", str(self.error_log)]
        command += ["-c", str(self.config), "-g", "daemon off;"]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
        if checked.returncode != 0:
            raise AssertionError(f"nginx refuses the shipped configuration:\n{checked.stderr}")
        self._process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.error_log.read_text(errors='replace')}")
            with socket.socket() as probe:
                probe.settimeout(0.2)
                if probe.connect_ex(("127.0.0.1", self.https_port)) == 0:
                    return
            time.sleep(0.02)
        raise RuntimeError("nginx did not start listening")

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def upgrade(self) -> tuple[int, ssl.SSLSocket]:
        """One WebSocket upgrade on /mqtt, as a phone's browser asks: the HTTP status, and the
        connection (left open: an accepted one holds one of the address's slots)."""
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # self-signed for the test
        raw = socket.create_connection(("127.0.0.1", self.https_port), timeout=10)
        tls = context.wrap_socket(raw, server_hostname=SERVER_NAME)
        key = "dGhlIHNhbXBsZSBub25jZQ=="
        tls.sendall(
            (
                f"GET /mqtt HTTP/1.1\r\nHost: {SERVER_NAME}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n"
            ).encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = tls.recv(4096)
            if not chunk:
                break
            head += chunk
        status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
        return status, tls
