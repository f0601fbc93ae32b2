from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from partnerup.classes.models import classroom_or_404

from . import services


@login_required
def class_insights(request, pk):
    classroom = classroom_or_404(request.user, pk)
    insights = services.class_insights(classroom)
    context = {
        "classroom": classroom,
        "insights": insights,
        "never_changed_sentence": services.never_changed_sentence(len(insights.never_changed)),
        "never_conferred_sentence": services.never_conferred_sentence(
            len(insights.never_conferred)
        ),
    }
    return render(request, "insights/class.html", context)
