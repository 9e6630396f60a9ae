"""A loopback SMTP server for PlanTracker's tests, on Debian's aiosmtpd.

Stores each message exactly as received, as NNN.eml in --dir, with the envelope prepended as
X-Envelope-From and X-Envelope-To headers. Faults, as real servers show them:
--refuse N      answers the first N messages with 451 (try again later);
--reject N      answers the first N messages with 550 (refused for good);
--delay S       takes S seconds over each message before answering (a slow server);
--stall-after N takes the first N messages, then never answers another one;
--size-limit B  advertises SIZE B and refuses a larger message with 552 (aiosmtpd's own check);
--hang          accepts connections and never says a word (not even the greeting).
Binds 127.0.0.1 only, prints READY once listening, and exits when its standard input closes, so it
never outlives the test run that started it.
"""
import argparse
import asyncio
import os
import sys
import threading
import time

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, folder, refuse, reject, delay, stall_after):
        self.folder = folder
        self.refuse = refuse
        self.reject = reject
        self.delay = delay
        self.stall_after = stall_after
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        if self.stall_after is not None and self.count >= self.stall_after:
            await asyncio.Event().wait()
        if self.delay > 0:
            await asyncio.sleep(self.delay)
        if self.refuse > 0:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        if self.reject > 0:
            self.reject -= 1
            return "550 5.7.1 Message refused by policy"
        self.count += 1
        name = "%020d-%06d" % (time.time_ns(), self.count)
        head = "X-Envelope-From: %s\r\nX-Envelope-To: %s\r\n" % (envelope.mail_from, ", ".join(envelope.rcpt_tos))
        temporary = os.path.join(self.folder, "." + name + ".tmp")
        with open(temporary, "wb") as f:
            f.write(head.encode("ascii"))
            f.write(envelope.original_content)
        os.rename(temporary, os.path.join(self.folder, name + ".eml"))
        return "250 2.0.0 OK"


class Silent(asyncio.Protocol):
    """Keeps the connection open and never answers."""

    def connection_made(self, transport):
        self.transport = transport


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--refuse", type=int, default=0)
    parser.add_argument("--reject", type=int, default=0)
    parser.add_argument("--delay", type=float, default=0)
    parser.add_argument("--stall-after", type=int, default=None)
    parser.add_argument("--size-limit", type=int, default=33554432)
    parser.add_argument("--hang", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    handler = Sink(args.dir, args.refuse, args.reject, args.delay, args.stall_after)
    if args.hang:
        factory = Silent
    else:
        factory = lambda: SMTP(handler, hostname="localhost", data_size_limit=args.size_limit)
    server = loop.run_until_complete(loop.create_server(factory, host="127.0.0.1", port=args.port))
    print("READY", flush=True)
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    main()
