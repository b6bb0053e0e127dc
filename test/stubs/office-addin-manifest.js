// Stub of office-addin-manifest for jest: office-addin-mock needs only the OfficeApp enum, and the
// real package pulls in an ESM-only dependency that jest on Node 20 cannot load (TOOLCHAIN.md).
const OfficeApp = Object.freeze({
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
});
module.exports = { OfficeApp };
