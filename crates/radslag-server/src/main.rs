//! `radslag`: serves the built Rådslag app and relays workspace documents
//! between members.

mod ics_feed;
mod relay;
mod serve;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "radslag",
    version,
    about = "Rådslag: minutes, actions and the annual wheel for collaboration groups"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the built app over HTTP on loopback.
    Serve(serve::Options),
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Serve(options) => serve::run(options),
    }
}
