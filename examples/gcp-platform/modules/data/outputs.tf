output "data_bucket" {
  description = "Name of the data bucket."
  value       = google_storage_bucket.data.name
}

output "sql_connection_name" {
  description = "Connection name of the Cloud SQL instance (for the Auth Proxy)."
  value       = google_sql_database_instance.main.connection_name
}

output "analytics_dataset" {
  description = "Id of the analytics dataset."
  value       = google_bigquery_dataset.analytics.dataset_id
}
