"""Mall admin: the complaint categories and the resolution target the mall sets for each."""

from django.contrib import admin

from complaints.models import ComplaintCategory


@admin.register(ComplaintCategory)
class ComplaintCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "resolution_days", "officers_only", "order"]
    list_editable = ["resolution_days", "officers_only", "order"]
    prepopulated_fields = {"slug": ["name"]}
