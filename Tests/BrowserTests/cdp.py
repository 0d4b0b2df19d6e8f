"""A tiny Chrome DevTools Protocol driver over --remote-debugging-pipe (standard library only).

Chromium reads commands from file descriptor 3 and writes replies and events to descriptor 4,
each message one JSON object ended by a NUL byte, so no WebSocket client is needed.
"""
import base64
import json
import os
import select
import shutil
import subprocess
import time


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class CDPError(Exception):
    pass


class Browser:
    def __init__(self, user_data_dir, width=1280, height=900, extra_args=()):
        binary = find_chromium()
        if not binary:
            raise CDPError("chromium not found")
        to_child_read, self._write_fd = os.pipe()
        self._read_fd, from_child_write = os.pipe()

        def setup():
            # Move both ends out of the way first: either may already be numbered 3 or 4.
            import fcntl
            high_read = fcntl.fcntl(to_child_read, fcntl.F_DUPFD, 10)
            high_write = fcntl.fcntl(from_child_write, fcntl.F_DUPFD, 10)
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        args = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + user_data_dir, "--window-size=%d,%d" % (width, height),
                "--allow-file-access-from-files", *extra_args, "about:blank"]
        self.process = subprocess.Popen(args, preexec_fn=setup,
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, close_fds=False)
        os.close(to_child_read)
        os.close(from_child_write)
        self._buffer = b""
        self._next_id = 0
        self._events = []
        self.width, self.height = width, height

    # MARK: - Messages

    def _send(self, method, params=None, session=None):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._write_fd, json.dumps(message).encode() + b"\0")
        return self._next_id

    def _read_message(self, timeout):
        deadline = time.time() + timeout
        while b"\0" not in self._buffer:
            remaining = deadline - time.time()
            if remaining <= 0:
                raise CDPError("timed out waiting for the browser")
            ready, _, _ = select.select([self._read_fd], [], [], remaining)
            if ready:
                chunk = os.read(self._read_fd, 1 << 20)
                if not chunk:
                    raise CDPError("the browser closed the pipe")
                self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None, timeout=20):
        wanted = self._send(method, params, session)
        while True:
            message = self._read_message(timeout)
            if message.get("id") == wanted:
                if "error" in message:
                    raise CDPError("%s: %s" % (method, message["error"]))
                return message.get("result", {})
            if "method" in message:
                self._events.append(message)

    def wait_event(self, method, session=None, timeout=20):
        for index, event in enumerate(self._events):
            if event["method"] == method and (session is None or event.get("sessionId") == session):
                return self._events.pop(index)
        deadline = time.time() + timeout
        while True:
            message = self._read_message(max(0.01, deadline - time.time()))
            if message.get("method") == method and (session is None or message.get("sessionId") == session):
                return message
            if "method" in message:
                self._events.append(message)

    def new_page(self):
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return Page(self, session, target)

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self._write_fd)
        os.close(self._read_fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Page:
    def __init__(self, browser, session, target):
        self.browser, self.session, self.target = browser, session, target
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.errors = []

    def call(self, method, params=None, timeout=20):
        return self.browser.call(method, params, self.session, timeout)

    def goto(self, url, timeout=20):
        self.browser._events = [e for e in self.browser._events if e.get("sessionId") != self.session]
        self.call("Page.navigate", {"url": url})
        self.browser.wait_event("Page.loadEventFired", self.session, timeout)
        self.collect_errors()

    def collect_errors(self):
        keep = []
        for event in self.browser._events:
            if event.get("sessionId") == self.session and event["method"] == "Runtime.exceptionThrown":
                details = event["params"]["exceptionDetails"]
                self.errors.append(details.get("exception", {}).get("description") or details.get("text"))
            else:
                keep.append(event)
        self.browser._events = keep

    def eval(self, expression, await_promise=False, timeout=20):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": await_promise}, timeout)
        if "exceptionDetails" in result:
            raise CDPError("JavaScript error in %r: %s" % (expression[:80], result["exceptionDetails"]))
        return result["result"].get("value")

    def wait_for(self, expression, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                # `!!` because a DOM node comes back as {} (falsy in Python) when returned by value.
                if self.eval("!!(%s)" % expression):
                    return True
            except CDPError as error:
                # A click that navigates can swap the page out under the evaluation: ask again.
                if "navigated or closed" not in str(error) and "Cannot find context" not in str(error):
                    raise
            time.sleep(0.02)
        raise CDPError("timed out waiting for: " + expression)

    def key(self, key, code=None, text=None, key_code=0):
        params = {"type": "keyDown", "key": key, "code": code or key, "windowsVirtualKeyCode": key_code}
        if text:
            params["text"] = text
        self.call("Input.dispatchKeyEvent", params)
        self.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code or key,
                                             "windowsVirtualKeyCode": key_code})

    def type(self, text):
        for char in text:
            self.key(char, text=char, key_code=ord(char.upper()) if char.isalnum() else 0)

    ARROW_DOWN = ("ArrowDown", "ArrowDown", None, 40)
    ARROW_UP = ("ArrowUp", "ArrowUp", None, 38)
    ARROW_LEFT = ("ArrowLeft", "ArrowLeft", None, 37)
    ARROW_RIGHT = ("ArrowRight", "ArrowRight", None, 39)
    ENTER = ("Enter", "Enter", "\r", 13)
    ESCAPE = ("Escape", "Escape", None, 27)

    def press(self, spec):
        key, code, text, key_code = spec
        self.key(key, code, text, key_code)

    def dark_mode(self, dark=True):
        self.call("Emulation.setEmulatedMedia",
                  {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})

    def screenshot(self, path, full_page=False):
        params = {"format": "png"}
        if full_page:
            metrics = self.call("Page.getLayoutMetrics")
            size = metrics["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.call("Page.captureScreenshot", params)["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def pdf(self, path):
        data = self.call("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))
