from rest_framework import serializers

from ..models import City


class CitySerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country_id", read_only=True)
    national_network = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    foreign_born_share = serializers.DecimalField(
        max_digits=5, decimal_places=2, coerce_to_string=False, read_only=True
    )
    url = serializers.HyperlinkedIdentityField(view_name="api:city-detail", lookup_field="slug")

    class Meta:
        model = City
        fields = [
            "slug",
            "url",
            "name",
            "country",
            "population",
            "foreign_born_share",
            "status",
            "joined_year",
            "national_network",
            "latitude",
            "longitude",
            "website",
            "description",
        ]
