/**
 * Official documents in the Decree 30/2020 layout: the {@link vn.childguard.shared.documents.OfficialDocument}
 * and {@link vn.childguard.shared.documents.SpreadsheetTable} models and the
 * {@link vn.childguard.shared.documents.DocumentRenderer} that writes them as DOCX, PDF and XLSX.
 * Part of the open {@code shared} module, so planning and reporting call it directly; the writers
 * behind the renderer are package-private.
 */
package vn.childguard.shared.documents;
