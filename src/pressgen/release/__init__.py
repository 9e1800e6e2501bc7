"""Release: campaigns, quote sets, the template sandbox, filters and the pipeline."""
