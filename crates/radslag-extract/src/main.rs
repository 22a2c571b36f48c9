//! The file reader, run as a web worker: the app posts `[name, bytes]`, the
//! worker answers with the file's [`Reading`] as JSON. It says `"ready"`
//! once it listens, as messages posted before that would be lost.
//!
//! [`Reading`]: radslag_core::minutes_import::Reading

use radslag_core::minutes_import::files;
use wasm_bindgen::{JsCast, prelude::*};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let request = js_sys::Array::from(&event.data());
        let name = request.get(0).as_string().unwrap_or_default();
        let bytes = js_sys::Uint8Array::new(&request.get(1)).to_vec();
        let reading = files::read(&name, &bytes);
        let json = serde_json::to_string(&reading).expect("a reading serialises");
        // The page may be gone; nothing to do then.
        let _ = reply.post_message(&JsValue::from_str(&json));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
