output "cluster_name" {
  description = "Name of the GKE cluster."
  value       = google_container_cluster.main.name
}

output "sql_connection_name" {
  description = "Cloud SQL connection name."
  value       = module.data.sql_connection_name
}
