#!/usr/bin/env node
// Run by npm before `npm pack` (prepack): a province's files saved inside the sample folders (a
// report, a summary, a roster, an Excel lock file) would go into the tarball with the samples, since
// package.json's `files` takes every .xlsx there. With git, any file under samples/ git does not track
// stops the pack, named, with what to do. Without git (a copy unpacked from a .zip) nothing is checked.

const { execFileSync } = require("node:child_process");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");

/** Files under samples/ that git does not track (ignored ones too); null without git. */
function untrackedSamples(root = ROOT) {
  try {
    const out = execFileSync("git", ["ls-files", "--others", "-z", "--", "samples"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return out.split("\0").filter((f) => f !== "");
  } catch {
    return null;
  }
}

if (require.main === module) {
  const foreign = untrackedSamples();
  if (foreign !== null && foreign.length > 0) {
    console.error(
      `kl226: chưa đóng gói: thư mục samples/ có ${foreign.length} tệp không thuộc bộ mẫu (sẽ bị đóng gói cùng bộ mẫu): ${foreign.join(", ")}. Hãy chuyển các tệp đó ra ngoài thư mục KL226 (hoặc xóa), rồi chạy lại npm pack.`,
    );
    process.exitCode = 1;
  }
}

module.exports = { untrackedSamples };
