output "folder_ids" {
  description = "Top-level folders by name."
  value       = { for k, f in google_folder.top : k => f.name }
}

output "audit_sink_writer" {
  description = "Writer identity of the organization audit log sink."
  value       = google_logging_organization_sink.audit.writer_identity
}
