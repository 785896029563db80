//! Time against input size for every check that reads what the admin types or pastes: each
//! input doubles, and the time should at most double with it (a little more for the n log n
//! sorts). `cargo bench --bench linear` prints the table; it is a benchmark, not a test.

use std::hint::black_box;
use std::time::{Duration, Instant};

use smarthost_assistant::domain::explain::explain;
use smarthost_assistant::domain::headers::check as header_check;
use smarthost_assistant::domain::link::proposals;
use smarthost_assistant::domain::platform::Family;
use smarthost_assistant::domain::platform::Platform;
use smarthost_assistant::domain::saved::decode;
use smarthost_assistant::domain::settings::Field;
use smarthost_assistant::domain::spf::check as spf_check;
use smarthost_assistant::domain::validate::check;

/// The best of a few runs, to keep the machine's noise out of the figure.
fn time(run: &dyn Fn()) -> Duration {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn row(name: &str, make: &dyn Fn(usize) -> String, run: &dyn Fn(&str)) {
    let mut previous: Option<Duration> = None;
    let mut cells = Vec::new();
    let mut worst: f64 = 0.0;
    for size in [1usize << 14, 1 << 15, 1 << 16, 1 << 17, 1 << 18, 1 << 19, 1 << 20] {
        let input = make(size);
        let took = time(&|| run(black_box(&input)));
        if let Some(before) = previous {
            worst = worst.max(took.as_secs_f64() / before.as_secs_f64().max(1e-9));
        }
        cells.push(format!("{:>8.2} ms", took.as_secs_f64() * 1e3));
        previous = Some(took);
    }
    println!("{name:<40} {}  worst ratio per doubling {worst:.2}", cells.join(" "));
}

fn main() {
    println!("{:<40} time for each size", "input of 16 KiB to 1 MiB, doubling");
    row("SPF record, ip4 terms", &|n| format!("v=spf1 {}-all", "ip4:192.0.2.1 ".repeat(n / 14)), &|text| {
        spf_check(text, false);
    });
    row(
        "test message header, many hops",
        &|n| {
            let hop = "Received: from mail.example.com (mail.example.com [203.0.113.25])\n\tby gw3.lax01.mailroute.net with ESMTPS (version=TLS1_3);\n\tSat, 28 Nov 2026 14:14:05 +0000\n";
            hop.repeat(n / hop.len())
        },
        &|text| {
            header_check(text, Family::SendConnector);
        },
    );
    row("test message header, nested comments", &|n| format!("Received: from a {}", "(".repeat(n)), &|text| {
        header_check(text, Family::SendConnector);
    });
    // Review F19: one from clause with thousands of distinct comments.
    row(
        "test message header, comments in one field",
        &|n| {
            format!(
                "Received: from a {}by b; Sat, 28 Nov 2026 14:14:05 +0000\n",
                (0..n / 8).map(|i| format!("(n{i}) ")).collect::<String>()
            )
        },
        &|text| {
            header_check(text, Family::SendConnector);
        },
    );
    row(
        "Authentication-Results, spaces and dots",
        &|n| format!("Authentication-Results: x; dkim=pass policy {}\nReceived: from a by b\n", " . a".repeat(n / 4)),
        &|text| {
            header_check(text, Family::SendConnector);
        },
    );
    row(
        "bounce, many diagnostic lines",
        &|n| {
            format!(
                "Diagnostic information for administrators:\n{}",
                "gw.example.net #550 5.7.1 no ##\n".repeat(n / 33)
            )
        },
        &|text| {
            explain(text, Family::SendConnector);
        },
    );
    row("SPF paste, many macros", &|n| format!("v=spf1 exists:{}.example.com -all", "%{i}".repeat(n / 4)), &|text| {
        spf_check(text, false);
    });
    row("SPF paste, many lines", &|n| format!("v=spf1 a\n{}-all", "a:x.example.com\n".repeat(n / 16)), &|text| {
        spf_check(text, false);
    });
    row("error text, no known words", &|n| "4.4 x.y 55 ".repeat(n / 11), &|text| {
        explain(text, Family::SendConnector);
    });
    row("SPF paste, spaces before the record", &|n| format!("{}v=spf1 mx -all", " ".repeat(n)), &|text| {
        spf_check(text, false);
    });
    row("SPF paste, quoted strings", &|n| format!("\"v=spf1 \" {}\"-all\"", "\"a \" ".repeat(n / 5)), &|text| {
        spf_check(text, false);
    });
    // Distinct valid names, so that the check reaches the duplicate search over all of them.
    row(
        "smart hosts, many entries",
        &|n| (0..n / 22).map(|i| format!("r{i}.example.net")).collect::<Vec<_>>().join(", "),
        &|text| {
            check(Platform::Exchange2016, Field::SmartHosts, text);
        },
    );
    row("source servers, many entries", &|n| "EX01, ".repeat(n / 6), &|text| {
        check(Platform::Exchange2016, Field::SourceServers, text);
    });
    row("connector name, invisible characters", &|n| "a\u{200B}".repeat(n / 4), &|text| {
        check(Platform::Exchange2016, Field::ConnectorName, text);
    });
    row(
        "saved state, many check marks",
        &|n| {
            let keys: Vec<String> = (0..n / 30).map(|i| format!("\"exchange-2016:step-{i}\"")).collect();
            format!("{{\"format\":\"smarthost-assistant\",\"version\":3,\"progress\":[{}]}}", keys.join(","))
        },
        &|text| {
            let _ = decode(text);
        },
    );
    row(
        "saved state of the last release, many lines",
        &|n| format!("smarthost-assistant 2\n{}", "done=exchange-2016:register-ip\n".repeat(n / 32)),
        &|text| {
            let _ = decode(text);
        },
    );
    row("link, many pairs", &|n| "connector-name=x&".repeat(n / 17), &|text| {
        let _ = proposals(&Default::default(), text.split('&').map(|pair| pair.split_once('=').unwrap_or((pair, ""))));
    });
}
