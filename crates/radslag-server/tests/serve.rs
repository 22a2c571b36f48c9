//! `radslag serve` as a real process: the app, the SPA fallback, the health
//! check and a clean stop on Ctrl-C.

use std::{
    net::TcpListener,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(dist: &std::path::Path, data: &std::path::Path) -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(env!("CARGO_BIN_EXE_radslag"))
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .arg("--dist")
            .arg(dist)
            .arg("--data-dir")
            .arg(data)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while reqwest::blocking::get(format!("{base}/healthz")).is_err() {
            assert!(Instant::now() < deadline, "radslag serve did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Server { child, base }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn built_app() -> tempfile::TempDir {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>Rådslag</title>",
    )
    .unwrap();
    std::fs::write(dist.path().join("app.css"), "body{}").unwrap();
    dist
}

#[test]
fn serves_the_app_health_and_router_paths() {
    let dist = built_app();
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(dist.path(), &data.path().join("store"));

    let health = reqwest::blocking::get(format!("{}/healthz", server.base)).unwrap();
    assert_eq!(health.status(), 200);
    assert_eq!(health.text().unwrap(), "ok");

    let css = reqwest::blocking::get(format!("{}/app.css", server.base)).unwrap();
    assert_eq!(css.text().unwrap(), "body{}");

    // A path only the app's router knows gets the app.
    let deep = reqwest::blocking::get(format!("{}/w/abc/moten", server.base)).unwrap();
    assert_eq!(deep.status(), 200);
    assert!(
        deep.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("no-cache")
    );
    assert!(deep.text().unwrap().contains("<title>Rådslag</title>"));

    assert!(
        data.path().join("store").is_dir(),
        "the data directory is created"
    );
}

#[test]
fn precompressed_copies_go_to_browsers_that_accept_them() {
    let dist = built_app();
    let wasm = b"\0asm the app's module".repeat(100);
    std::fs::write(dist.path().join("app.wasm"), &wasm).unwrap();
    std::fs::write(dist.path().join("app.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(dist.path().join("app.wasm.gz"), b"gzip bytes").unwrap();
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(dist.path(), data.path());
    let client = reqwest::blocking::Client::new();
    let fetch = |accept: Option<&str>| {
        let mut request = client.get(format!("{}/app.wasm", server.base));
        if let Some(accept) = accept {
            request = request.header("accept-encoding", accept);
        }
        let response = request.send().unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "application/wasm");
        let encoding = response
            .headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap().to_owned());
        (encoding, response.bytes().unwrap().to_vec())
    };

    assert_eq!(
        fetch(Some("gzip, deflate, br")),
        (Some("br".into()), b"brotli bytes".to_vec())
    );
    assert_eq!(
        fetch(Some("gzip")),
        (Some("gzip".into()), b"gzip bytes".to_vec())
    );
    assert_eq!(fetch(None), (None, wasm.clone()));
    // A file without copies is sent as it is, whatever the browser accepts.
    let css = client
        .get(format!("{}/app.css", server.base))
        .header("accept-encoding", "br, gzip")
        .send()
        .unwrap();
    assert!(css.headers().get("content-encoding").is_none());
    assert_eq!(css.text().unwrap(), "body{}");
}

#[test]
fn stops_cleanly_on_ctrl_c() {
    let dist = built_app();
    let data = tempfile::tempdir().unwrap();
    let mut server = Server::start(dist.path(), data.path());
    let pid = nix::unistd::Pid::from_raw(server.child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert!(status.success(), "exit status after Ctrl-C: {status}");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "radslag serve did not stop on Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn every_answer_is_hardened_and_missing_files_are_404() {
    use base64::Engine as _;
    use sha2::Digest as _;
    let dist = tempfile::tempdir().unwrap();
    // As Trunk writes it: an inline module script that loads the wasm.
    let inline = "\nimport init, * as bindings from '/radslag-app-1.js';\nconst wasm = await init({ module_or_path: '/radslag-app-1_bg.wasm' });\nwindow.wasmBindings = bindings;\n";
    std::fs::write(
        dist.path().join("index.html"),
        format!("<!doctype html><title>Rådslag</title><script type=\"module\">{inline}</script><script src=\"/x.js\"></script>"),
    )
    .unwrap();
    std::fs::write(dist.path().join("app.css"), "body{}").unwrap();
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(dist.path(), data.path());

    let hash =
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(inline.as_bytes()));
    for path in ["/", "/w/abc/moten", "/app.css", "/healthz", "/nope.wasm"] {
        let r = reqwest::blocking::get(format!("{}{path}", server.base)).unwrap();
        let h = r.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{path}: {csp}"
        );
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{path}: {csp}");
        assert_eq!(
            csp.matches("'sha256-").count(),
            1,
            "only the inline script: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        let script_src = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(!script_src.contains("unsafe-inline"), "{csp}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
    }
    // A missing file is a 404, not the app; an app route is the app.
    let missing = reqwest::blocking::get(format!("{}/radslag-app-0_bg.wasm", server.base)).unwrap();
    assert_eq!(missing.status(), 404);
    assert!(!missing.text().unwrap().contains("<title>"));
    let missing = reqwest::blocking::get(format!("{}/public/nope.png", server.base)).unwrap();
    assert_eq!(missing.status(), 404);
    let route = reqwest::blocking::get(format!("{}/join/3xyz", server.base)).unwrap();
    assert_eq!(route.status(), 200);
    assert!(route.text().unwrap().contains("<title>Rådslag</title>"));
}
