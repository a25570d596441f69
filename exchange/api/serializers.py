from rest_framework import serializers

from ..models import Adoption, FollowUp, News


class NewsSerializer(serializers.ModelSerializer):
    """The contract's news: id, title, summary, body, city, fields_of_action, published_at, language (and, added,
    date, status, url and image)."""

    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    fields_of_action = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    url = serializers.SerializerMethodField()
    image = serializers.SerializerMethodField()

    class Meta:
        model = News
        fields = [
            "id", "title", "summary", "body", "city", "fields_of_action", "published_at", "language",
            "date", "status", "url", "image",
        ]  # fmt: skip
        read_only_fields = fields

    def get_url(self, news) -> str:
        return self.context["request"].build_absolute_uri(news.get_absolute_url())

    def get_image(self, news) -> str | None:
        from django.urls import reverse

        if not news.image:
            return None
        return self.context["request"].build_absolute_uri(reverse("exchange:news-image", args=[news.pk]))


class AdoptionSerializer(serializers.ModelSerializer):
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    own_practice = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Adoption
        fields = ["city", "own_practice", "note", "created_at"]
        read_only_fields = fields


class FollowUpSerializer(serializers.ModelSerializer):
    class Meta:
        model = FollowUp
        fields = ["id", "title", "body", "date", "published_at"]
        read_only_fields = fields
