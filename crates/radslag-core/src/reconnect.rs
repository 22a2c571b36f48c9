//! When to try the relay again after a connection is lost: exponential
//! backoff with jitter, so that a hundred tablets coming back online at
//! Kulturnatten do not all knock at the same moment.

/// The first retry comes after about this long…
const FIRST_MS: f64 = 500.0;
/// …and no retry waits longer than this.
const LONGEST_MS: f64 = 30_000.0;

/// The delay before retry number `attempt` (0 for the first), given a random
/// number in `0.0..1.0`: between half and all of the exponential step.
pub fn delay_ms(attempt: u32, random: f64) -> u32 {
    let step = (FIRST_MS * 2f64.powi(attempt.min(16) as i32)).min(LONGEST_MS);
    (step * (0.5 + 0.5 * random.clamp(0.0, 1.0))) as u32
}

#[cfg(test)]
mod tests {
    use super::delay_ms;

    #[test]
    fn retries_back_off_with_jitter_up_to_a_ceiling() {
        assert_eq!(delay_ms(0, 0.0), 250);
        assert_eq!(delay_ms(0, 1.0), 500);
        assert_eq!(delay_ms(3, 1.0), 4_000);
        assert_eq!(delay_ms(10, 1.0), 30_000);
        assert_eq!(delay_ms(u32::MAX, 0.0), 15_000);
        // Two clients with different luck do not retry together.
        assert_ne!(delay_ms(4, 0.1), delay_ms(4, 0.9));
    }
}
