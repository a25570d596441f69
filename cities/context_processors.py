from . import rules


def roles(request):
    user = request.user
    return {
        "is_secretariat": rules.is_secretariat(user),
        "can_see_desk": rules.can_see_desk(user),
    }
