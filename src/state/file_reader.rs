//! Minutes files (.pdf, .docx, .txt) read into text by the `radslag-extract`
//! web worker, which loads only when a member imports files: the PDF and
//! Word readers stay out of the app's own wasm. A file that stops the
//! reader (a crash) or holds it longer than [`TIME_LIMIT_MS`] ends that
//! worker; the next file gets a new one, and the app goes on.

use std::cell::RefCell;

use radslag_core::minutes_import::Reading;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Trunk's loader for the worker (`data-type="worker"` in index.html).
const WORKER_SCRIPT: &str = "/radslag-extract_loader.js";
const TIME_LIMIT_MS: i32 = 60_000;

// In "svenska / English", as the core's readings.
const NOT_LOADED: &str = "filläsaren kunde inte laddas (ingen anslutning?): klistra in texten i \
                          stället / the file reader could not be loaded (no connection?): paste \
                          the text instead";
const STOPPED: &str = "filen fick filläsaren att stanna: spara den på nytt som PDF eller .docx, eller klistra in \
     texten / the file stopped the file reader: save it again as PDF or .docx, or paste the text";
const TOO_SLOW: &str = "filen tog för lång tid att läsa / the file took too long to read";
const NOT_READ: &str = "filen kunde inte läsas / the file could not be read";

thread_local! {
    /// The worker, once it has said it is ready.
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
}

enum Failure {
    Error,
    Timeout,
}

/// The worker's next message, or its error, or a timeout.
async fn next_message(worker: &web_sys::Worker) -> Result<String, Failure> {
    let timer = RefCell::new(None);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
        // Rejected with `undefined`: a timeout, where an error gives its event.
        *timer.borrow_mut() = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&reject, TIME_LIMIT_MS)
                .ok()
        });
    });
    let outcome = JsFuture::from(promise).await;
    worker.set_onmessage(None);
    worker.set_onerror(None);
    if let (Some(window), Some(id)) = (web_sys::window(), timer.take()) {
        window.clear_timeout_with_handle(id);
    }
    match outcome {
        Ok(event) => Ok(event
            .unchecked_into::<web_sys::MessageEvent>()
            .data()
            .as_string()
            .unwrap_or_default()),
        Err(reason) if reason.is_undefined() => Err(Failure::Timeout),
        Err(_) => Err(Failure::Error),
    }
}

async fn ready_worker() -> Option<web_sys::Worker> {
    if let Some(worker) = WORKER.with_borrow(Clone::clone) {
        return Some(worker);
    }
    let worker = web_sys::Worker::new(WORKER_SCRIPT).ok()?;
    match next_message(&worker).await {
        Ok(ready) if ready == "ready" => {
            WORKER.set(Some(worker.clone()));
            Some(worker)
        }
        _ => {
            worker.terminate();
            None
        }
    }
}

fn refused(message: &str) -> Reading {
    Reading::Refused(message.to_owned())
}

/// The text of `file`, or that it is a scan, or why it cannot be read.
pub async fn read(file: web_sys::File) -> Reading {
    let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
        return refused(NOT_READ);
    };
    let Some(worker) = ready_worker().await else {
        return refused(NOT_LOADED);
    };
    let request = js_sys::Array::of2(
        &file.name().into(),
        &js_sys::Uint8Array::new(&buffer).into(),
    );
    if worker.post_message(&request).is_err() {
        return refused(NOT_READ);
    }
    match next_message(&worker).await {
        Ok(json) => serde_json::from_str(&json).unwrap_or_else(|_| refused(NOT_READ)),
        Err(failure) => {
            // A worker that crashed or hangs is of no more use.
            worker.terminate();
            WORKER.set(None);
            refused(match failure {
                Failure::Error => STOPPED,
                Failure::Timeout => TOO_SLOW,
            })
        }
    }
}
