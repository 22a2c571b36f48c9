//! The runtime of one document's samod repository: tokio, keeping every
//! task samod spawns, so that the relay can end them and hears when one
//! panics.
//!
//! samod's `Repo::stop` flushes and stops the document but leaves the
//! repository's four tasks running for ever (they hold each other's
//! channels, and one of them wakes every 100 ms): every document unloaded
//! leaked them, and the relay's memory grew with the documents ever opened.
//! So the relay ends them once `stop` has returned.
//!
//! A panic inside the repository (its document's actor applying a hostile
//! change, say) ends only the task it happened in and leaves the repository
//! deaf: the connections syncing the document would wait for answers that
//! never come. The runtime reports it, and the relay closes those
//! connections and starts the document afresh for the next one.

use std::{
    panic::AssertUnwindSafe,
    pin::Pin,
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use futures::FutureExt as _;

/// Tasks of every repository, running now.
static RUNNING: AtomicUsize = AtomicUsize::new(0);

/// How many tasks of document repositories are running now.
pub fn running_tasks() -> usize {
    RUNNING.load(Ordering::Relaxed)
}

#[derive(Clone)]
pub struct RepoRuntime {
    tasks: Arc<Mutex<Vec<tokio::task::JoinHandle<()>>>>,
    on_panic: Arc<dyn Fn() + Send + Sync>,
}

impl RepoRuntime {
    /// A runtime that calls `on_panic` when a task of the repository panics.
    pub fn new(on_panic: impl Fn() + Send + Sync + 'static) -> Self {
        RepoRuntime {
            tasks: Arc::default(),
            on_panic: Arc::new(on_panic),
        }
    }

    /// Ends every task of the repository, and waits until they are gone.
    pub async fn end(&self) {
        let tasks = std::mem::take(&mut *self.tasks.lock().unwrap());
        for task in &tasks {
            task.abort();
        }
        for task in tasks {
            let _ = task.await;
        }
    }
}

/// Counts one task in [`RUNNING`] until it is dropped.
struct Running;

impl Running {
    fn start() -> Running {
        RUNNING.fetch_add(1, Ordering::Relaxed);
        Running
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.fetch_sub(1, Ordering::Relaxed);
    }
}

impl samod::runtime::RuntimeHandle for RepoRuntime {
    fn spawn(&self, task: Pin<Box<dyn Future<Output = ()> + Send + 'static>>) {
        let on_panic = self.on_panic.clone();
        let running = Running::start();
        let handle = tokio::spawn(async move {
            let _running = running;
            // The panic itself is logged by the panic hook.
            if AssertUnwindSafe(task).catch_unwind().await.is_err() {
                on_panic();
            }
        });
        self.tasks.lock().unwrap().push(handle);
    }

    fn sleep(&self, duration: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + 'static>> {
        Box::pin(tokio::time::sleep(duration))
    }
}
