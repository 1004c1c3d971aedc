//! The HTML report in a real browser (DESIGN 4.3): headless Chromium, driven over WebDriver
//! by ChromeDriver, opens the report of the demo dataset and of a dataset full of markup. The
//! page must load with no console message at all (a Content Security Policy violation, a
//! failed request or a script error would each log one), every timeline must be laid out
//! with a non-zero size, no script or image may have come out of the dataset's text, and
//! screenshots of the page (`target/browser/report.png`) and of each timeline
//! (`timeline-N.png`) are written for a person to look at.
//!
//! Set-up (README, "Tests"): Debian's `chromium` and `chromium-driver` packages, which
//! `.ci/run` installs. The test looks for `/usr/bin/chromium` and `/usr/bin/chromedriver`, or
//! the paths in `FACTCHECK_CHROMIUM` and `FACTCHECK_CHROMEDRIVER`. It is `#[ignore]`d with the
//! reason, so that `cargo test` says it did not run (a test that skipped itself inside would
//! say "ok", its note hidden in the captured output); `cargo test --test browser --
//! --include-ignored` runs it, as `.ci/run` does, and then a missing browser fails it.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a failed expectation is a failed test

mod payload;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};
use snapbox::cmd::cargo_bin;

/// The key WebDriver names element references by.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Every element that is not one the report writes, and every event-handler attribute or
/// `javascript:` address: what markup from the dataset's text would leave behind.
const ONLY_THE_REPORTS_OWN_MARKUP: &str = "
    const own = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2',
        'h3', 'h4', 'nav', 'ol', 'ul', 'li', 'a', 'span', 'main', 'section', 'p', 'div', 'table',
        'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'q', 'strong', 'figure',
        'figcaption', 'footer', 'svg', 'desc', 'defs', 'lineargradient', 'stop', 'g', 'text',
        'line', 'rect', 'path']);
    const found = [];
    for (const element of document.querySelectorAll('*')) {
        const tag = element.tagName.toLowerCase();
        if (!own.has(tag)) found.push(tag);
        for (const attribute of element.attributes) {
            if (attribute.name.toLowerCase().startsWith('on')
                || /^\\s*javascript:/i.test(attribute.value)) {
                found.push(tag + '[' + attribute.name + ']');
            }
        }
    }
    return found;";

/// Chromium and ChromeDriver, when both are there.
fn find_browser() -> Option<(PathBuf, PathBuf)> {
    let path = |variable: &str, default: &str| {
        std::env::var_os(variable).map_or_else(|| PathBuf::from(default), PathBuf::from)
    };
    let chromium = path("FACTCHECK_CHROMIUM", "/usr/bin/chromium");
    let driver = path("FACTCHECK_CHROMEDRIVER", "/usr/bin/chromedriver");
    if chromium.is_file() && driver.is_file() {
        return Some((chromium, driver));
    }
    None
}

/// A running ChromeDriver, stopped when dropped.
struct Driver {
    process: Child,
    url: String,
}

impl Driver {
    fn start(path: &Path) -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let mut process = Command::new(path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        // It says when it listens; a driver that says nothing must not hang the test.
        let stdout = process.stdout.take().expect("its output");
        let (tell, told) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            let started = lines.any(|line| line.is_ok_and(|l| l.contains("started successfully")));
            let _ = tell.send(started);
            lines.for_each(drop);
        });
        let started = told.recv_timeout(Duration::from_secs(60)).unwrap_or(false);
        if !started {
            let _ = process.kill();
            panic!("chromedriver did not start within a minute");
        }
        Self {
            process,
            url: format!("http://127.0.0.1:{port}"),
        }
    }

    fn agent() -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into()
    }

    /// The HTTP status of a GET, for calls whose error is the answer.
    fn call_raw_status(&self, path: &str) -> u16 {
        Self::agent()
            .get(&format!("{}{path}", self.url))
            .call()
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
            .status()
            .as_u16()
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.url);
        let agent = Self::agent();
        let mut response = match (method, body) {
            ("GET", _) => agent.get(&url).call(),
            ("DELETE", _) => agent.delete(&url).call(),
            (_, body) => agent
                .post(&url)
                .send_json(body.unwrap_or_else(|| json!({}))),
        }
        .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = response.status();
        let value: Value = response.body_mut().read_json().expect("a JSON answer");
        assert!(
            status.is_success(),
            "{method} {path}: {status} {}",
            value["value"]
        );
        value["value"].clone()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// A headless Chromium session, closed when dropped.
struct Session<'d> {
    driver: &'d Driver,
    id: String,
    _profile: tempfile::TempDir,
}

impl<'d> Session<'d> {
    fn new(driver: &'d Driver, chromium: &Path) -> Self {
        let profile = tempfile::tempdir().expect("a profile directory");
        // Headless without a sandbox (CI runs as root); no background traffic, which a closed
        // network would refuse, many times over, at every start.
        let args = [
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--window-size=1280,1600".to_owned(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let created = driver.call(
            "POST",
            "/session",
            Some(json!({
                "capabilities": { "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": { "binary": chromium, "args": args },
                    "goog:loggingPrefs": { "browser": "ALL" },
                }}
            })),
        );
        let id = created["sessionId"]
            .as_str()
            .expect("a session id")
            .to_owned();
        Self {
            driver,
            id,
            _profile: profile,
        }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.driver
            .call(method, &format!("/session/{}{path}", self.id), body)
    }

    fn open(&self, page: &Path) {
        let url = format!("file://{}", page.display());
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    /// Runs a script in the page (WebDriver's scripts are not the page's: its policy does
    /// not apply to them) and returns its value.
    fn eval(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// Every console message since the last call.
    fn console(&self) -> Vec<Value> {
        self.call("POST", "/se/log", Some(json!({ "type": "browser" })))
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// The elements a CSS selector finds, with their laid-out size.
    fn sizes(&self, selector: &str) -> Vec<(f64, f64)> {
        self.find(selector)
            .iter()
            .map(|id| {
                let rect = self.call("GET", &format!("/element/{id}/rect"), None);
                (
                    rect["width"].as_f64().expect("a width"),
                    rect["height"].as_f64().expect("a height"),
                )
            })
            .collect()
    }

    /// The ids of the elements a CSS selector finds.
    fn find(&self, selector: &str) -> Vec<String> {
        let found = self.call(
            "POST",
            "/elements",
            Some(json!({ "using": "css selector", "value": selector })),
        );
        found
            .as_array()
            .expect("a list of elements")
            .iter()
            .map(|element| {
                element[ELEMENT]
                    .as_str()
                    .unwrap_or_else(|| panic!("an element reference: {element}"))
                    .to_owned()
            })
            .collect()
    }

    /// Saves a screenshot of the window (`element` `None`) or of one element.
    fn screenshot(&self, element: Option<&str>, to: &Path) {
        let path = element.map_or_else(
            || "/screenshot".to_owned(),
            |id| format!("/element/{id}/screenshot"),
        );
        let encoded = self.call("GET", &path, None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(encoded.as_str().expect("base64 text"))
            .expect("base64");
        assert!(png.starts_with(b"\x89PNG"), "a PNG image");
        std::fs::create_dir_all(to.parent().expect("a folder")).expect("the folder");
        std::fs::write(to, png).expect("the screenshot is written");
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let _ = self
            .driver
            .call("DELETE", &format!("/session/{}", self.id), None);
    }
}

/// Writes the HTML report of the dataset in `dir` to `out`.
fn write_report(dir: &Path, out: &Path) {
    let output = Command::new(cargo_bin!("factcheck"))
        .current_dir(dir)
        .args(["report", "--format", "html", "-o"])
        .arg(out)
        .output()
        .expect("factcheck runs");
    assert!(output.status.success(), "{output:?}");
}

/// Waits until the page has loaded (file pages load at once, but say so).
fn wait_loaded(session: &Session<'_>) {
    let start = Instant::now();
    while session.eval("return document.readyState") != "complete" {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the page never loaded"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
#[ignore = "needs Chromium and ChromeDriver (Debian: apt-get install chromium chromium-driver); \
            run it with `cargo test --test browser -- --include-ignored`, as .ci/run does"]
fn the_html_report_in_a_real_browser() {
    let Some((chromium, driver)) = find_browser() else {
        panic!(
            "the browser test needs Chromium and ChromeDriver (Debian: apt-get install chromium \
             chromium-driver; elsewhere set FACTCHECK_CHROMIUM and FACTCHECK_CHROMEDRIVER)"
        );
    };
    let driver = Driver::start(&driver);
    let session = Session::new(&driver, &chromium);
    let work = tempfile::tempdir().expect("a temporary directory");

    // The demo dataset: loads cleanly, with its two timelines drawn.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let demo = work.path().join("demo.html");
    write_report(root, &demo);
    session.open(&demo);
    wait_loaded(&session);
    assert_eq!(session.console(), Vec::<Value>::new(), "console messages");
    assert_eq!(session.eval("return document.title"), "factcheck report");
    let timelines = session.sizes("figure svg");
    assert_eq!(
        timelines.len(),
        2,
        "a timeline per contested date fact: {timelines:?}"
    );
    for (width, height) in &timelines {
        assert!(*width > 100.0 && *height > 20.0, "{timelines:?}");
    }
    let tables = session.sizes("table");
    assert!(!tables.is_empty() && tables.iter().all(|(w, h)| *w > 0.0 && *h > 0.0));
    let shots = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), PathBuf::from)
        .join("browser");
    session.screenshot(None, &shots.join("report.png"));
    for (n, figure) in session.find("figure").iter().enumerate() {
        session.screenshot(Some(figure), &shots.join(format!("timeline-{}.png", n + 1)));
    }
    let size = |name: &str| std::fs::metadata(shots.join(name)).map_or(0, |m| m.len());
    assert!(size("report.png") > 10_000, "a screenshot of the page");
    assert!(
        size("timeline-2.png") > 1_000,
        "a screenshot of each timeline"
    );

    // Markup in the dataset: shown as text; nothing runs, nothing loads.
    let hostile = work.path().join("hostile");
    payload::write(&hostile);
    let page = work.path().join("hostile.html");
    write_report(&hostile, &page);
    session.open(&page);
    wait_loaded(&session);
    assert_eq!(session.console(), Vec::<Value>::new(), "console messages");
    assert_eq!(
        session.eval(ONLY_THE_REPORTS_OWN_MARKUP),
        Value::Array(Vec::new()),
        "elements or attributes from the dataset's text"
    );
    let text = session.eval("return document.body.innerText");
    let text = text.as_str().expect("the page's text");
    for shown in payload::SHOWN {
        assert!(text.contains(shown), "`{shown}` is not shown as text");
    }
    let alert = session
        .driver
        .call_raw_status(&format!("/session/{}/alert/text", session.id));
    assert_eq!(alert, 404, "no alert is open");
    assert_eq!(session.sizes("figure svg").len(), 1);
}
