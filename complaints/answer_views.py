"""The public tanya-jawab: answered complaints the officers chose to publish."""

from django.shortcuts import render

from complaints.selectors.staff import published_answers


def answers(request):
    return render(request, "complaints/answers.html", {"answers": published_answers()})
