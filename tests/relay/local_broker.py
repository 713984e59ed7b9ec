"""Mosquitto on 127.0.0.1 from the shipped ``deploy/relay`` configuration, for tests and the bench.

Only the listeners' ports (made free at run time), the dynamic-security plugin's path
(found on this system, not assumed) and the rules file's place are changed; every
other line is the one a team deploys, so the tests check the real access rules. The
relay agent (``deploy/relay/poise_relay_agent.py``) is set up and runs beside it as the
README says: ``init`` adds its account to the rules, ``serve`` runs as a subprocess, and
people are added with its ``add-person`` command.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "relay"
PLUGIN_NAME = "mosquitto_dynamic_security.so"
PLUGIN_ROOTS = ("/usr/lib", "/usr/local/lib")
AGENT = DEPLOY / "poise_relay_agent.py"


def relay_agent_module() -> ModuleType:
    """The shipped agent's file as a module (it is a script for the relay's server)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("poise_relay_agent", AGENT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mosquitto_program() -> str | None:
    return shutil.which("mosquitto") or (
        "/usr/sbin/mosquitto" if Path("/usr/sbin/mosquitto").exists() else None
    )


def dynamic_security_plugin() -> Path | None:
    """Debian puts it under the architecture's folder (/usr/lib/x86_64-linux-gnu/, ...)."""
    for root in PLUGIN_ROOTS:
        found = sorted(Path(root).glob(f"*/{PLUGIN_NAME}")) + sorted(Path(root).glob(PLUGIN_NAME))
        if found:
            return found[0]
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _accepts(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


class LocalBroker:
    """One mosquitto process; ``restart`` keeps its ports, as a real broker's would."""

    def __init__(
        self, folder: Path, *, lowest_priority: bool = False, uncapped_tcp: bool = False
    ) -> None:
        """``lowest_priority``: the broker stands in for a team's server, not the user's CPU.
        ``uncapped_tcp``: no connection limit on the loopback TCP listener (the shipped file
        keeps it for the agent alone), so the capacity bench can measure the broker itself."""
        self._uncapped_tcp = uncapped_tcp
        program, plugin = mosquitto_program(), dynamic_security_plugin()
        if program is None or plugin is None:
            raise FileNotFoundError("mosquitto and its dynamic-security plugin are not installed")
        self.program = program
        self.folder = folder
        self.ws_port = free_port()
        self.tcp_port = free_port()
        self.config = folder / "mosquitto.conf"
        self.rules = folder / "dynamic-security.json"
        self.log = folder / "mosquitto.log"
        self.agent_config = folder / "agent.json"
        self.agent_log = folder / "agent.log"
        self._process: subprocess.Popen[bytes] | None = None
        self._agent: subprocess.Popen[bytes] | None = None
        self._nice = ["nice", "-n", "19"] if lowest_priority and sys.platform == "linux" else []
        self._agent_command(
            "init",
            str(DEPLOY / "dynamic-security.json"),
            str(self.rules),
            str(self.agent_config),
            "--broker",
            f"127.0.0.1:{self.tcp_port}",
        )
        self.config.write_text(self._configuration(plugin), encoding="utf-8")

    def _agent_command(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, str(AGENT), *args], capture_output=True, text=True, timeout=30
        )
        if done.returncode != 0:
            raise RuntimeError(f"poise_relay_agent.py {args[0]} failed: {done.stderr}")
        return done.stdout.strip()

    def add_person(self, name: str) -> str:
        """A person's account, made as the administrator makes it; its password."""
        return self._agent_command("add-person", str(self.agent_config), name)

    def add_room_wide_account(self, name: str) -> str:
        """An account reaching every room (any ``poise/r/<id>``, never a wildcard filter), for
        the benches, which measure speed, not who may use which room; its password."""
        import json

        agent = relay_agent_module()
        control = agent.Control(json.loads(self.agent_config.read_text(encoding="utf-8")))
        password = agent.new_password()
        try:
            control.command(
                {"command": "createRole", "rolename": name},
                *(
                    {
                        "command": "addRoleACL",
                        "rolename": name,
                        "acltype": kind,
                        "topic": "poise/r/+",
                        "allow": True,
                    }
                    for kind in ("subscribePattern", "publishClientSend", "publishClientReceive")
                ),
                {
                    "command": "addRoleACL",
                    "rolename": name,
                    "acltype": "subscribeLiteral",
                    "topic": "poise/r/+",
                    "allow": False,
                    "priority": 10,
                },
                {
                    "command": "createClient",
                    "username": name,
                    "password": password,
                    "roles": [{"rolename": name}],
                },
            )
        finally:
            control.close()
        return str(password)

    def remove_person(self, name: str) -> None:
        self._agent_command("remove-person", str(self.agent_config), name)

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.ws_port}/mqtt"

    def _configuration(self, plugin: Path) -> str:
        shipped = (DEPLOY / "mosquitto.conf").read_text(encoding="utf-8")
        replacements = {
            "listener 8083 127.0.0.1": f"listener {self.ws_port} 127.0.0.1",
            "listener 1883 127.0.0.1": f"listener {self.tcp_port} 127.0.0.1",
            "plugin /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so": f"plugin {plugin}",
            "plugin_opt_config_file /var/lib/mosquitto/poise-dynamic-security.json": (
                f"plugin_opt_config_file {self.rules}"
            ),
        }
        if self._uncapped_tcp:
            replacements["max_connections 16"] = "max_connections -1"
        for shipped_line, local_line in replacements.items():
            if shipped_line not in shipped:
                raise AssertionError(f"deploy/relay/mosquitto.conf no longer has {shipped_line!r}")
            shipped = shipped.replace(shipped_line, local_line)
        if sys.platform != "win32" and os.geteuid() == 0:
            # Tests run as root: stay root, the files are in a private folder.
            shipped += "\nuser root\n"
        return shipped

    def start(self, timeout_s: float = 10) -> None:
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(
                [*self._nice, self.program, "-c", str(self.config)],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout_s
        while not (_accepts(self.ws_port) and _accepts(self.tcp_port)):
            if self._process.poll() is not None:
                raise RuntimeError(f"mosquitto exited: {self.log.read_text(errors='replace')}")
            if time.monotonic() > deadline:
                raise TimeoutError("mosquitto did not start listening")
            time.sleep(0.02)
        if self._agent is None:
            self._start_agent()

    def _start_agent(self) -> None:
        with self.agent_log.open("ab") as log:
            self._agent = subprocess.Popen(
                [*self._nice, sys.executable, str(AGENT), "serve", str(self.agent_config)],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 15
        while b"serving" not in self.agent_log.read_bytes():
            if self._agent.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the relay agent did not start: {self.agent_log.read_text()}")
            time.sleep(0.02)

    def stop(self, *, with_agent: bool = False) -> None:
        """The broker goes (the agent stays and reconnects, as on a server) unless asked."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait(5)
        self._process = None
        if with_agent and self._agent is not None:
            self._agent.kill()
            self._agent.wait(5)
            self._agent = None

    def restart(self) -> None:
        self.stop()
        self.start()
